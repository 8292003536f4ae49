package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.DispatchActionConfig;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.project.ownerdoes.ChoosableRepositories;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.CallbackIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "Choose for my repositories" modal: one page of repositories, each a section whose select holds the levels
 * (picking one saves it at once: the announcement's button plus one pick, two clicks for an owner) and a context
 * line saying who does what at the level in force.
 *
 * <p>Sized for 500 repositories inside Slack's limits: {@value ChoosableRepositories#PAGE_SIZE} repositories a page
 * × 2 blocks + intro, search, notice, paging ≤ 65 blocks (limit 100); the levels are 6-10 options per select
 * (limit 100); the paging buttons are one actions block of at most 2 elements (limit 25); private_metadata holds
 * only the project id, page and search text (≤ 200 characters of 3000). Orchestrators, who may choose for every
 * repository, and anyone with more than one page get a search box (Enter filters by repository or team name).
 */
public final class OwnerDoesChoicesModal {

    public static final String TITLE = "Owner Does";
    static final int QUERY_MAX = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEARCH_BLOCK = "search";

    private OwnerDoesChoicesModal() {
    }

    /** What the modal remembers between interactions. */
    public record Metadata(long projectId, int page, String query) {
        public String json() {
            return JSON.createObjectNode().put("p", projectId).put("pg", page)
                    .put("q", Mrkdwn.truncate(query == null ? "" : query, QUERY_MAX)).toString();
        }

        public static Optional<Metadata> parse(String privateMetadata) {
            try {
                JsonNode n = JSON.readTree(privateMetadata == null ? "" : privateMetadata);
                if (n == null || !n.has("p")) {
                    return Optional.empty();
                }
                return Optional.of(new Metadata(n.path("p").asLong(), n.path("pg").asInt(0), n.path("q").asText("")));
            } catch (Exception e) {
                return Optional.empty();
            }
        }
    }

    /** Opened at once with the trigger_id (3 s, once); {@link #of} replaces it when the data is in. */
    public static View loading(long projectId) {
        return view(v -> v.type("modal").callbackId(CallbackIds.OWNER_DOES_CHOICES.id())
                .title(viewTitle(t -> t.type("plain_text").text(TITLE)))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .privateMetadata(new Metadata(projectId, 0, "").json())
                .blocks(List.of(
                        section(s -> s.text(markdownText(":hourglass_flowing_sand: Finding your repositories…"))))));
    }

    /** When the project is gone (deleted, or a stale button). */
    public static View gone() {
        return view(v -> v.type("modal").callbackId(CallbackIds.OWNER_DOES_CHOICES.id())
                .title(viewTitle(t -> t.type("plain_text").text(TITLE)))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText("This upgrade project no longer exists."))))));
    }

    /** One page of choices; {@code notice} (mrkdwn, may be null) is shown above the list. */
    public static View of(ChoosableRepositories.Page page, String notice) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.blockId("intro").text(markdownText(intro(page)))));
        if (page.searchable() && page.refusal().isEmpty()) {
            blocks.add(searchBox(page.query()));
        }
        if (notice != null && !notice.isBlank()) {
            blocks.add(
                    section(s -> s.blockId("notice").text(markdownText(Mrkdwn.truncate(notice, Mrkdwn.SECTION_MAX)))));
        }
        if (page.refusal().isPresent()) {
            blocks.add(section(s -> s.blockId("refusal").text(markdownText(
                    Mrkdwn.truncate(ChoiceRefusalText.mrkdwn(page.refusal().get()), Mrkdwn.SECTION_MAX)))));
        } else if (page.rows().isEmpty()) {
            String none = page.query().isBlank()
                    ? "This project has no repositories."
                    : "No repository or team matches *" + Mrkdwn.escape(page.query()) + "*.";
            blocks.add(section(s -> s.blockId("empty").text(markdownText(none))));
        }
        for (ChoosableRepositories.Row row : page.rows()) {
            blocks.add(repositoryBlock(row, page.levels()));
            blocks.add(context(c -> c.blockId("why." + row.projectRepoId() + "." + row.version())
                    .elements(List.of(markdownText(Mrkdwn.truncate(explain(row.level()), Mrkdwn.SECTION_MAX))))));
        }
        if (page.pages() > 1) {
            int from = page.firstIndex() + 1;
            int to = page.firstIndex() + page.rows().size();
            String of = page.query().isBlank()
                    ? " of " + page.matching()
                    : " of " + page.matching() + " matching *" + Mrkdwn.escape(page.query()) + "*";
            blocks.add(context(c -> c.blockId("range").elements(List.of(markdownText(
                    "Repositories " + from + "–" + to + of + " · page " + (page.page() + 1) + " of "
                            + page.pages())))));
            List<BlockElement> buttons = new ArrayList<>();
            if (page.page() > 0) {
                buttons.add(ButtonElement.builder().actionId(ActionIds.OWNER_DOES_PAGE.id("prev"))
                        .text(plainText("◀ Previous " + ChoosableRepositories.PAGE_SIZE))
                        .value(String.valueOf(page.page() - 1)).build());
            }
            if (page.page() + 1 < page.pages()) {
                int next = Math.min(ChoosableRepositories.PAGE_SIZE, page.matching() - to);
                buttons.add(ButtonElement.builder().actionId(ActionIds.OWNER_DOES_PAGE.id("next"))
                        .text(plainText("Next " + next + " repositories ▶"))
                        .value(String.valueOf(page.page() + 1)).build());
            }
            blocks.add(actions(a -> a.blockId("paging").elements(buttons)));
        }
        Metadata md = new Metadata(page.projectId(), page.page(), page.query());
        return view(v -> v.type("modal").callbackId(CallbackIds.OWNER_DOES_CHOICES.id())
                .title(viewTitle(t -> t.type("plain_text").text(TITLE)))
                .submit(viewSubmit(s -> s.type("plain_text").text("Done")))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .privateMetadata(md.json())
                .blocks(blocks));
    }

    private static String intro(ChoosableRepositories.Page page) {
        if (page.refusal().isPresent()) {
            return "*" + Mrkdwn.escape(page.projectName()) + "*: choosing who does what for each repository.";
        }
        String whose = page.everyRepository()
                ? "all " + page.total() + " repositories of"
                : page.total() == 1
                        ? "the repository your team owns in"
                        : "the " + page.total() + " repositories your teams own in";
        return "Choose who does what for " + whose + " *" + Mrkdwn.escape(page.projectName()) + "*. "
                + "A level is saved as soon as you pick it: it goes to the board's Owner Does field and to the "
                + "repository's issue. You can change it later.";
    }

    private static LayoutBlock searchBox(String query) {
        PlainTextInputElement.PlainTextInputElementBuilder box = PlainTextInputElement.builder()
                .actionId(ActionIds.OWNER_DOES_SEARCH.id())
                .placeholder(plainText("org/repo or team, then Enter"))
                .maxLength(QUERY_MAX)
                .dispatchActionConfig(
                        DispatchActionConfig.builder().triggerActionsOn(List.of("on_enter_pressed")).build());
        if (query != null && !query.isBlank()) {
            box.initialValue(Mrkdwn.truncate(query, QUERY_MAX));
        }
        return input(i -> i.blockId(SEARCH_BLOCK).dispatchAction(true).optional(true)
                .label(plainText("Find repositories")).element(box.build()));
    }

    /**
     * The block id carries the repository's choice version: when the level changes (here or elsewhere) the block
     * is new to Slack, which then shows the recorded level instead of keeping what was picked on screen.
     */
    private static LayoutBlock repositoryBlock(ChoosableRepositories.Row row, List<OwnerDoesLevel> levels) {
        StaticSelectElement select = levelSelect(row.projectRepoId(), row.level(), levels);
        String owner = row.ownerTeam() == null ? "owner unknown" : "owner `" + Mrkdwn.escape(row.ownerTeam()) + "`";
        String text = "*" + Mrkdwn.link(row.issueUrl(), row.repo()) + "*\n" + owner
                + (row.level().isTbd() ? " · *TBD*" : "");
        return SectionBlock.builder().blockId("repo." + row.projectRepoId() + "." + row.version())
                .text(markdownText(Mrkdwn.truncate(text, Mrkdwn.SECTION_MAX))).accessory(select).build();
    }

    /**
     * The level select of one repository, wherever it is shown (this modal, the Home tab): picking a level is an
     * {@link ActionIds#OWNER_DOES_PICK} action, so every place follows the same permission rules and write path.
     */
    public static StaticSelectElement levelSelect(long projectRepoId, OwnerDoesLevel current,
            List<OwnerDoesLevel> levels) {
        List<OptionObject> options = levels.stream().map(OwnerDoesChoicesModal::option).toList();
        StaticSelectElement.StaticSelectElementBuilder select = StaticSelectElement.builder()
                .actionId(ActionIds.OWNER_DOES_PICK.id(String.valueOf(projectRepoId)))
                .placeholder(plainText("Choose a level"))
                .options(options);
        if (current != null && !current.isTbd()) {
            levels.stream().filter(l -> l.key().equals(current.key())).findFirst()
                    .ifPresent(l -> select.initialOption(option(l)));
        }
        return select.build();
    }

    private static OptionObject option(OwnerDoesLevel level) {
        return OptionObject.builder().text(plainText(Mrkdwn.truncate(level.label(), Mrkdwn.BUTTON_MAX)))
                .value(level.key()).build();
    }

    private static String explain(OwnerDoesLevel level) {
        return level.isTbd()
                ? "Not chosen yet. Pick a level to say what your team does and what the orchestration "
                        + "team does."
                : level.explain();
    }

    /** The search text typed in a block action of the search box. */
    public static String searchText(String typed) {
        return typed == null ? "" : Mrkdwn.truncate(typed.strip(), QUERY_MAX);
    }

    /**
     * Picks on screen that differ from the level the page was rendered with: what Done must still save (a pick
     * whose block action Slack did not deliver). Picks equal to the rendered level are left alone, so Done never
     * re-asserts an old level over someone else's newer choice. Key: project_repo id, value: level key.
     */
    public static Map<Long, String> unsavedPicks(View view) {
        Map<Long, String> rendered = new LinkedHashMap<>();
        Map<String, Long> blockToRepo = new LinkedHashMap<>();
        if (view.getBlocks() != null) {
            for (LayoutBlock b : view.getBlocks()) {
                if (b instanceof SectionBlock s && s.getAccessory() instanceof StaticSelectElement sel
                        && sel.getActionId() != null
                        && sel.getActionId().startsWith(ActionIds.OWNER_DOES_PICK.id() + ":")) {
                    long id = Long.parseLong(ActionIds.suffixOf(sel.getActionId()));
                    blockToRepo.put(s.getBlockId(), id);
                    rendered.put(id, sel.getInitialOption() == null ? null : sel.getInitialOption().getValue());
                }
            }
        }
        Map<Long, String> out = new LinkedHashMap<>();
        Map<String, Map<String, ViewState.Value>> values = view.getState() == null
                || view.getState().getValues() == null
                        ? Map.of()
                        : view.getState().getValues();
        values.forEach((blockId, byAction) -> {
            Long id = blockToRepo.get(blockId);
            if (id == null) {
                return;
            }
            byAction.values().forEach(v -> {
                String picked = v.getSelectedOption() == null ? null : v.getSelectedOption().getValue();
                if (picked != null && !picked.equals(rendered.get(id))) {
                    out.put(id, picked);
                }
            });
        });
        return out;
    }
}
