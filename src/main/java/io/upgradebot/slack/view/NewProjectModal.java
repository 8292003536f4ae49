package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.urlTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.upgradebot.project.creation.DateSuggestion;
import io.upgradebot.project.creation.NewProjectRequest;
import io.upgradebot.project.creation.NewProjectRequest.Field;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.CallbackIds;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code /upgrade new} form: renders it (first at once with defaults, later again with a date suggestion) and
 * parses a submission back into a {@link NewProjectRequest}, including its {@code private_metadata}.
 *
 * <p>Field values survive a {@code views.update} only when block_id and action_id stay the same (Slack's rule), so
 * every input keeps its ids across renders, except the date and release inputs: they take a revision suffix when
 * the bot suggests new values, which is the only way to replace what Slack would otherwise preserve. Parsing finds
 * fields by action_id, whatever the block_id.
 */
public final class NewProjectModal {

    static final String SUGGESTION_BLOCK = "suggestion";
    private static final String PREVIEW_OPTION = "preview";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** action_id (and, except for date and release, block_id) of each input. */
    private static final Map<Field, String> IDS = new EnumMap<>(Map.ofEntries(
            Map.entry(Field.NAME, "name"),
            Map.entry(Field.PRODUCT, "product"),
            Map.entry(Field.CURRENT_VERSION, "current"),
            Map.entry(Field.TARGET_VERSION, "target"),
            Map.entry(Field.ROADMAP_REPO, "roadmap_repo"),
            Map.entry(Field.REPOSITORIES, "repos"),
            Map.entry(Field.RELEASE, "release"),
            Map.entry(Field.COMPLETION_DATE, "date"),
            Map.entry(Field.DATE_REASON, "date_reason"),
            Map.entry(Field.ORCHESTRATION_TEAM, "team"),
            Map.entry(Field.CHANNEL, "channel"),
            Map.entry(Field.DOCS_URL, "docs")));
    private static final String OPTIONS = "options";

    private NewProjectModal() {
    }

    /** A form with only these fields filled (the rest empty), for the first render. */
    public static NewProjectRequest initial(String name, String product, String currentVersion, String targetVersion,
            String roadmapRepo, String channelId) {
        return new NewProjectRequest(null, null, name, product, currentVersion, targetVersion, roadmapRepo, null, null,
                null, null, null, channelId, null, false, null);
    }

    /**
     * Carried in private_metadata: the channel the command came from, the render revision (see class comment) and
     * the suggestion shown, so a submission knows whether the person kept the suggested date.
     */
    public record Metadata(String originChannel, int rev, DateSuggestion suggestion) {

        String toJson() {
            ObjectNode n = JSON.createObjectNode();
            n.put("c", originChannel);
            n.put("r", rev);
            if (suggestion != null) {
                ObjectNode s = n.putObject("s");
                s.put("d", suggestion.date() == null ? null : suggestion.date().toString());
                s.put("rel", suggestion.release());
                s.put("why", Mrkdwn.truncate(suggestion.reason(), 1200));
                s.put("m", suggestion.needsManualDate());
                s.put("o",
                        suggestion.overlapWarning() == null ? null : Mrkdwn.truncate(suggestion.overlapWarning(), 600));
            }
            return n.toString();
        }

        static Metadata fromJson(String json) {
            if (json == null || json.isBlank()) {
                return new Metadata(null, 0, null);
            }
            try {
                var n = JSON.readTree(json);
                DateSuggestion s = null;
                var sn = n.get("s");
                if (sn != null && sn.isObject()) {
                    s = new DateSuggestion(sn.hasNonNull("d") ? LocalDate.parse(sn.get("d").asText()) : null,
                            sn.hasNonNull("rel") ? sn.get("rel").asText() : null,
                            sn.hasNonNull("why") ? sn.get("why").asText() : null,
                            sn.path("m").asBoolean(false),
                            sn.hasNonNull("o") ? sn.get("o").asText() : null);
                }
                return new Metadata(n.hasNonNull("c") ? n.get("c").asText() : null, n.path("r").asInt(0), s);
            } catch (Exception e) {
                // metadata is ours; if it is unreadable the form still works, it just forgets the suggestion
                return new Metadata(null, 0, null);
            }
        }
    }

    /**
     * The form, filled with {@code values} (null fields empty). {@code note} (mrkdwn, optional) is shown at the top,
     * e.g. why a submission could not be created. A suggestion in {@code md} fills the date and release.
     */
    public static View form(NewProjectRequest values, Metadata md, String note) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (note != null && !note.isBlank()) {
            blocks.add(section(s -> s.blockId("note").text(markdownText(Mrkdwn.truncate(note, Mrkdwn.SECTION_MAX)))));
        }
        blocks.add(input(i -> i.blockId(IDS.get(Field.NAME)).label(plainText("Project name"))
                .element(plainTextInput(e -> e.actionId(IDS.get(Field.NAME)).maxLength(200)
                        .initialValue(values.name()).placeholder(plainText("Django 5.2"))))));
        blocks.add(input(i -> i.blockId(IDS.get(Field.PRODUCT)).optional(true)
                .label(plainText("Dependency (endoflife.date product)"))
                .hint(plainText("e.g. django, python, nodejs: used to find when support for the version in use ends"))
                .element(plainTextInput(e -> e.actionId(IDS.get(Field.PRODUCT)).maxLength(100)
                        .initialValue(values.product()).placeholder(plainText("django"))))));
        blocks.add(
                input(i -> i.blockId(IDS.get(Field.CURRENT_VERSION)).optional(true).label(plainText("Version in use"))
                        .element(plainTextInput(e -> e.actionId(IDS.get(Field.CURRENT_VERSION)).maxLength(60)
                                .initialValue(values.currentVersion()).placeholder(plainText("4.2"))))));
        blocks.add(input(i -> i.blockId(IDS.get(Field.TARGET_VERSION)).optional(true).label(plainText("Target version"))
                .element(plainTextInput(e -> e.actionId(IDS.get(Field.TARGET_VERSION)).maxLength(60)
                        .initialValue(values.targetVersion()).placeholder(plainText("5.2"))))));
        blocks.add(input(i -> i.blockId(IDS.get(Field.ROADMAP_REPO)).label(plainText("Roadmap repository"))
                .hint(plainText("org/repo where the roadmap issue goes"))
                .element(plainTextInput(e -> e.actionId(IDS.get(Field.ROADMAP_REPO)).maxLength(200)
                        .initialValue(values.roadmapRepo()).placeholder(plainText("openedx/platform-roadmap"))))));
        blocks.add(input(i -> i.blockId(IDS.get(Field.REPOSITORIES)).label(plainText("Impacted repositories"))
                // Slack caps the field at 3000 characters (~120 repositories): larger scopes come from a search
                .hint(plainText("org/repo or GitHub URLs, one per line or comma-separated; or a GitHub search such as "
                        + "org:openedx topic:django, or a code search such as org:openedx filename:requirements.in django "
                        + "(words match file contents; content: and symbol: work only in GitHub's web search, not here). "
                        + "A search is the way past ~120 repositories"))
                .element(plainTextInput(e -> e.actionId(IDS.get(Field.REPOSITORIES)).multiline(true).maxLength(3000)
                        .initialValue(values.repositories())))));
        blocks.add(section(s -> s.blockId(SUGGESTION_BLOCK).text(markdownText(suggestionText(md.suggestion())))
                .accessory(button(b -> b.actionId(ActionIds.NEW_PROJECT_SUGGEST_DATE.id())
                        .text(plainText("Suggest a date"))))));
        DateSuggestion sug = md.suggestion();
        LocalDate suggested = sug != null && sug.date() != null ? sug.date() : values.completionDate();
        String suggestedRelease = sug != null && sug.release() != null ? sug.release() : values.release();
        blocks.add(input(i -> i.blockId(revisioned(Field.COMPLETION_DATE, md.rev())).optional(true)
                .label(plainText("Completion date"))
                .element(datePicker(e -> e.actionId(IDS.get(Field.COMPLETION_DATE))
                        .initialDate(suggested == null ? null : suggested.toString())))));
        blocks.add(input(i -> i.blockId(revisioned(Field.RELEASE, md.rev())).optional(true)
                .label(plainText("Target release (milestone)"))
                .hint(plainText("The named release the upgrade must land in; it becomes the roadmap issue's milestone"))
                .element(plainTextInput(e -> e.actionId(IDS.get(Field.RELEASE)).maxLength(100)
                        .initialValue(suggestedRelease).placeholder(plainText("Ulmo"))))));
        blocks.add(input(i -> i.blockId(IDS.get(Field.DATE_REASON)).optional(true)
                .label(plainText("Why this date"))
                .hint(plainText("Needed when you pick another date than the suggested one: the runbook asks the "
                        + "roadmap issue to explain the date"))
                .element(plainTextInput(e -> e.actionId(IDS.get(Field.DATE_REASON)).multiline(true).maxLength(1000)
                        .initialValue(values.dateReason())))));
        blocks.add(input(i -> i.blockId(IDS.get(Field.ORCHESTRATION_TEAM)).label(plainText("Orchestration team"))
                .hint(plainText("The team (not a person) that plans the upgrade and keeps it on time"))
                .element(plainTextInput(e -> e.actionId(IDS.get(Field.ORCHESTRATION_TEAM)).maxLength(200)
                        .initialValue(values.orchestrationTeam())))));
        String channel = values.channelId() != null ? values.channelId() : md.originChannel();
        blocks.add(input(i -> i.blockId(IDS.get(Field.CHANNEL)).label(plainText("Channel for this project"))
                .element(conversationsSelect(e -> e.actionId(IDS.get(Field.CHANNEL))
                        // the channel the command was typed in, unless the person picked another one
                        .initialConversation(channel)
                        .defaultToCurrentConversation(channel == null ? Boolean.TRUE : null)
                        .filter(ConversationsFilter.builder().include(List.of("public", "private"))
                                .excludeBotUsers(true).build())))));
        blocks.add(input(i -> i.blockId(IDS.get(Field.DOCS_URL)).optional(true).label(plainText("Upgrade docs link"))
                .element(urlTextInput(e -> e.actionId(IDS.get(Field.DOCS_URL)).initialValue(values.docsUrl())))));
        blocks.add(input(i -> i.blockId(OPTIONS).optional(true).label(plainText("Options"))
                .element(checkboxes(e -> e.actionId(OPTIONS).options(List.of(previewOption()))
                        .initialOptions(values.previewOnly() ? List.of(previewOption()) : null)))));
        return view(v -> v.type("modal").callbackId(CallbackIds.NEW_PROJECT.id())
                .title(viewTitle(t -> t.type("plain_text").text("New upgrade project")))
                .submit(viewSubmit(t -> t.type("plain_text").text("Create")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .privateMetadata(md.toJson())
                .blocks(blocks));
    }

    /**
     * What the modal shows after a valid submit while the bot works (Slack closes the form at once otherwise, and
     * the person would not see the outcome). No submit button: nothing to do here but wait or close.
     */
    public static View working(String mrkdwn) {
        return notice(":hourglass_flowing_sand: " + mrkdwn);
    }

    /** A closing word: where the project or its preview can be followed, or why nothing was created. */
    public static View notice(String mrkdwn) {
        return view(v -> v.type("modal").callbackId(CallbackIds.NEW_PROJECT.id())
                .title(viewTitle(t -> t.type("plain_text").text("New upgrade project")))
                .close(viewClose(t -> t.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(Mrkdwn.truncate(mrkdwn, Mrkdwn.SECTION_MAX)))))));
    }

    private static OptionObject previewOption() {
        return option(o -> o.value(PREVIEW_OPTION).text(plainText("Preview only"))
                .description(plainText("Post what would be created; write nothing to GitHub yet")));
    }

    static String suggestionText(DateSuggestion s) {
        StringBuilder t = new StringBuilder();
        if (s == null) {
            t.append("*Completion date.* Fill the dependency and the version in use, then press *Suggest a date*: ")
                    .append("I look up when its support ends (endoflife.date) and suggest the last release branch cut ")
                    .append("before that.");
        } else if (s.needsManualDate()) {
            t.append(":calendar: *No date to suggest.* ").append(Mrkdwn.escape(s.reason()));
        } else {
            t.append(":calendar: *Suggested: ").append(s.date());
            if (s.release() != null) {
                t.append(" (").append(Mrkdwn.escape(s.release())).append(')');
            }
            t.append("*: ").append(Mrkdwn.escape(s.reason()));
        }
        if (s != null && s.overlapWarning() != null) {
            t.append("\n:warning: ").append(Mrkdwn.escape(s.overlapWarning()));
        }
        return Mrkdwn.truncate(t.toString(), Mrkdwn.SECTION_MAX);
    }

    private static String revisioned(Field field, int rev) {
        return rev == 0 ? IDS.get(field) : IDS.get(field) + "." + rev;
    }

    // ------------------------------------------------------------------------------------------ parsing

    /**
     * A submitted (or, for "Suggest a date", an in-progress) form.
     *
     * @param errors   problems the form itself can see (a date that is not a date), keyed like the service's
     * @param blockIds where each field is in this view, for {@code response_action: errors}
     */
    public record Parsed(NewProjectRequest request, Metadata metadata, Map<Field, String> errors,
            Map<Field, String> blockIds) {

        /** Field errors as Slack wants them: block_id → message. */
        public Map<String, String> errorsByBlock(Map<Field, String> fieldErrors) {
            Map<String, String> out = new LinkedHashMap<>();
            fieldErrors.forEach((f, msg) -> out.put(blockIds.getOrDefault(f, IDS.get(f)), Mrkdwn.truncate(msg, 2000)));
            return out;
        }
    }

    public static Parsed parse(View view, String userId, String teamId) {
        Map<String, Map<String, ViewState.Value>> state = view.getState() == null || view.getState().getValues() == null
                ? Map.of()
                : view.getState().getValues();
        Map<Field, String> blockIds = new EnumMap<>(Field.class);
        Map<Field, ViewState.Value> values = new EnumMap<>(Field.class);
        ViewState.Value options = null;
        for (var block : state.entrySet()) {
            for (var action : block.getValue().entrySet()) {
                for (var e : IDS.entrySet()) {
                    if (e.getValue().equals(action.getKey())) {
                        blockIds.put(e.getKey(), block.getKey());
                        values.put(e.getKey(), action.getValue());
                    }
                }
                if (OPTIONS.equals(action.getKey())) {
                    options = action.getValue();
                }
            }
        }
        Map<Field, String> errors = new EnumMap<>(Field.class);
        LocalDate date = null;
        String dateText = values.containsKey(Field.COMPLETION_DATE)
                ? values.get(Field.COMPLETION_DATE).getSelectedDate()
                : null;
        if (dateText != null && !dateText.isBlank()) {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                errors.put(Field.COMPLETION_DATE, "'" + dateText + "' is not a date (YYYY-MM-DD)");
            }
        }
        boolean preview = options != null && options.getSelectedOptions() != null
                && options.getSelectedOptions().stream().anyMatch(o -> PREVIEW_OPTION.equals(o.getValue()));
        Metadata md = Metadata.fromJson(view.getPrivateMetadata());
        String channel = values.containsKey(Field.CHANNEL)
                ? blankToNull(values.get(Field.CHANNEL).getSelectedConversation())
                : null;
        NewProjectRequest request = new NewProjectRequest(teamId, userId, text(values, Field.NAME),
                text(values, Field.PRODUCT), text(values, Field.CURRENT_VERSION), text(values, Field.TARGET_VERSION),
                text(values, Field.ROADMAP_REPO), text(values, Field.REPOSITORIES), text(values, Field.RELEASE), date,
                text(values, Field.DATE_REASON), text(values, Field.ORCHESTRATION_TEAM), channel,
                text(values, Field.DOCS_URL), preview, md.suggestion());
        return new Parsed(request, md, errors, blockIds);
    }

    private static String text(Map<Field, ViewState.Value> values, Field f) {
        ViewState.Value v = values.get(f);
        return v == null ? null : blankToNull(v.getValue());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
