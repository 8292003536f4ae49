package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.upgradebot.project.outside.AddOutsideIssues;
import io.upgradebot.project.outside.CommunityCallForHelp;
import io.upgradebot.slack.CallbackIds;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /upgrade deps} form: up to {@value #ENTRIES} outside issues, each an external dependency (name, upstream
 * link, what is needed) or an operations ticket for a configured group; and, when a community channel is configured,
 * a box to ask it for help. Also the call-for-help message itself.
 */
public final class DepsModal {

    public static final String TITLE = "Outside issues";
    public static final int ENTRIES = 3;
    public static final String KIND = "kind_";
    public static final String NAME = "name_";
    public static final String URL = "url_";
    public static final String NEEDED = "needed_";
    public static final String HELP = "help";
    static final String DEPENDENCY = "dep";
    static final String OPS = "ops:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DepsModal() {
    }

    public record Meta(long projectId, String channelId) {
    }

    public static View form(String projectName, String slug, AddOutsideIssues.Targets t, Meta meta) {
        List<OptionObject> kinds = new ArrayList<>();
        if (t.dependencyRepo().isPresent()) {
            kinds.add(option(plainText("External dependency (" + t.dependencyRepo().get() + ")"), DEPENDENCY));
        }
        for (String group : t.opsGroups()) {
            kinds.add(option(plainText(clip("Operations ticket: " + group, 70)), OPS + group));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(markdownText("*" + Mrkdwn.escape(projectName) + "* · each entry "
                + "becomes an issue linking the roadmap issue and the docs, on the maintenance board, and listed in "
                + "the roadmap issue. Fill in as many as you need; empty ones are skipped.")))));
        for (int i = 1; i <= ENTRIES; i++) {
            int n = i;
            boolean first = i == 1;
            if (!first) {
                blocks.add(divider());
            }
            blocks.add(input(b -> b.blockId(KIND + n).optional(!first).label(plainText("Kind"))
                    .element(staticSelect(s -> {
                        s.actionId(KIND + n).options(kinds);
                        if (first) {
                            s.initialOption(kinds.get(0));
                        }
                        return s;
                    }))));
            blocks.add(input(b -> b.blockId(NAME + n).optional(!first)
                    .label(plainText(first ? "Name (dependency or ticket)" : "Name"))
                    .element(plainTextInput(e -> e.actionId(NAME + n).maxLength(150)))));
            blocks.add(input(b -> b.blockId(URL + n).optional(true).label(plainText("Upstream link"))
                    .element(plainTextInput(e -> e.actionId(URL + n).maxLength(500)))));
            blocks.add(input(b -> b.blockId(NEEDED + n).optional(true).label(plainText("What is needed"))
                    .element(plainTextInput(e -> e.actionId(NEEDED + n).multiline(true).maxLength(2000)))));
        }
        if (t.communityChannel()) {
            blocks.add(input(b -> b.blockId(HELP).optional(true).label(plainText("Call for help"))
                    .element(checkboxes(c -> c.actionId(HELP).options(List.of(option(
                            plainText("Ask the community channel for help with the open dependency issues"),
                            "yes")))))));
        }
        return view(x -> x.type("modal").callbackId(CallbackIds.DEPS.id())
                .title(viewTitle(v -> v.type("plain_text").text(TITLE)))
                .submit(viewSubmit(s -> s.type("plain_text").text("Open issues")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .privateMetadata(write(meta))
                .blocks(blocks));
    }

    /** The entries typed, or the field errors (block id → message). */
    public record Form(List<AddOutsideIssues.Entry> entries, boolean askForHelp, Map<String, String> errors) {
    }

    public static Form parse(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null
                ? Map.of()
                : state.getValues();
        List<AddOutsideIssues.Entry> entries = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= ENTRIES; i++) {
            String kind = value(values, KIND + i).map(ViewState.Value::getSelectedOption)
                    .map(ViewState.SelectedOption::getValue).orElse(null);
            String name = text(values, NAME + i);
            String url = text(values, URL + i);
            String needed = text(values, NEEDED + i);
            if (name == null && url == null && needed == null) {
                continue;
            }
            if (name == null) {
                errors.put(NAME + i, "Name the dependency or the ticket.");
                continue;
            }
            if (kind == null) {
                errors.put(KIND + i, "Choose the kind.");
                continue;
            }
            if (url != null && !isWebLink(url)) {
                errors.put(URL + i, "Give a link starting with https:// (or leave it empty).");
                continue;
            }
            String key = kind + "/" + name.toLowerCase(Locale.ROOT);
            if (names.contains(key)) {
                errors.put(NAME + i, "This entry is already above.");
                continue;
            }
            names.add(key);
            entries.add(new AddOutsideIssues.Entry(kind.startsWith(OPS) ? kind.substring(OPS.length()) : null, name,
                    url, needed));
        }
        if (entries.isEmpty() && errors.isEmpty()) {
            errors.put(NAME + 1, "Name at least one dependency or ticket.");
        }
        boolean help = value(values, HELP).map(ViewState.Value::getSelectedOptions)
                .map(l -> !l.isEmpty()).orElse(false);
        return new Form(entries, help, errors);
    }

    public static Meta meta(String privateMetadata) {
        try {
            return JSON.readValue(privateMetadata, Meta.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an outside-issues form's metadata", e);
        }
    }

    public static View notice(String mrkdwn) {
        return AnnounceModal.notice(TITLE, mrkdwn);
    }

    /** Nothing to open issues in: what the operator sets. */
    public static String notConfigured() {
        return ":warning: No repository is configured for outside issues. The operator sets "
                + "`UPGRADE_BOT_DEPENDENCY_REPO` (owner/repo) for external dependencies and/or `UPGRADE_BOT_OPS_REPOS` "
                + "(`name=owner/repo` pairs) for operations tickets.";
    }

    public static String result(AddOutsideIssues.Result r) {
        return switch (r.outcome()) {
            case ADDED -> ":white_check_mark: *" + Mrkdwn.escape(r.projectName()) + "*: "
                    + (r.added() == 0
                            ? "nothing new"
                            : r.added() + (r.added() == 1 ? " issue" : " issues")
                                    + " being opened, added to the board and listed in the roadmap issue")
                    + (r.alreadyThere() > 0 ? " (" + r.alreadyThere() + " already there)" : "")
                    + (r.helpCallPlanned() ? "; the community channel is asked for help once they exist" : "")
                    + ". `/upgrade status " + r.slug() + "` shows the writes.";
            case FINISHED -> FinishedProject.mrkdwn(r.projectName(), r.slug());
            case NOT_ACTIVE -> "*" + Mrkdwn.escape(r.projectName()) + "* is not active yet: create it first.";
            case NOT_CONFIGURED -> notConfigured() + " (" + r.problem() + ")";
            case NO_SUCH_PROJECT -> "That project no longer exists.";
        };
    }

    /** The call for help in the community channel. */
    public static String callForHelp(String projectName, String roadmapUrl,
            List<CommunityCallForHelp.OpenDependency> open) {
        StringBuilder b = new StringBuilder(":raised_hand: *Help wanted for the ").append(Mrkdwn.escape(projectName))
                .append(" upgrade.* These external dependencies still need a change or a release; reaching out to "
                        + "their maintainers in parallel gets them done soonest:\n");
        for (CommunityCallForHelp.OpenDependency d : open.stream().limit(40).toList()) {
            b.append("• ").append(Mrkdwn.link(d.url(), d.name()));
            if (d.needed() != null) {
                b.append(": ").append(Mrkdwn.escape(clip(d.needed().replaceAll("\\s+", " "), 150)));
            }
            b.append('\n');
        }
        if (roadmapUrl != null) {
            b.append("Roadmap issue: ").append(Mrkdwn.link(roadmapUrl, "the upgrade's roadmap issue"));
        }
        return clip(b.toString().strip(), 2900);
    }

    private static boolean isWebLink(String s) {
        try {
            URI u = URI.create(s.strip());
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(Map<String, Map<String, ViewState.Value>> values, String id) {
        return value(values, id).map(ViewState.Value::getValue).map(String::strip).filter(s -> !s.isEmpty())
                .orElse(null);
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String id) {
        return Optional.ofNullable(values.get(id)).map(m -> m.get(id));
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
