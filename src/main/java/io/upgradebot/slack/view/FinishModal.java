package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
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
import io.upgradebot.project.finish.FinishProject;
import io.upgradebot.slack.CallbackIds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code /upgrade finish} form: what is still open, then the reason (needed when something is), the completion
 * announcement (pre-filled, editable), the day of the retrospective reminder, and the dependency issues to mark as
 * inadequately maintained. Its private_metadata carries the project, the channel and whether something was open.
 */
public final class FinishModal {

    public static final String TITLE = "Finish the upgrade";
    public static final String REASON = "reason";
    public static final String ANNOUNCEMENT = "announcement";
    public static final String RETRO = "retro";
    public static final String UNMAINTAINED = "unmaintained";
    static final int TEXT_MAX = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private FinishModal() {
    }

    /** What the form carries: the project, where the command came from, whether something was still open. */
    public record Meta(long projectId, String channelId, boolean somethingOpen) {
    }

    public static View form(FinishProject.Overview o, String channelId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(markdownText("*" + Mrkdwn.escape(o.name()) + "* · the runbook's "
                + "Clean Up: the announcement goes to the project channel, the roadmap issue is closed as completed, "
                + "reminders and nudges stop, and the project becomes read-only (`/upgrade reopen " + o.slug()
                + "` undoes it).")))));
        blocks.add(section(s -> s.text(markdownText(clip(stillOpen(o))))));
        boolean open = o.somethingOpen();
        blocks.add(input(i -> i.blockId(REASON).optional(!open)
                .label(plainText(open ? "Why finish with items still open?" : "Note for the roadmap issue (optional)"))
                .hint(plainText("Written as a comment on the roadmap issue."))
                .element(plainTextInput(e -> e.actionId(REASON).multiline(true).maxLength(TEXT_MAX)))));
        String announcement = announcement(o);
        blocks.add(input(i -> i.blockId(ANNOUNCEMENT).optional(true)
                .label(plainText("Completion announcement"))
                .hint(plainText("Posted in the project channel when you finish. Empty: nothing is posted."))
                .element(plainTextInput(e -> e.actionId(ANNOUNCEMENT).multiline(true).maxLength(TEXT_MAX)
                        .initialValue(announcement)))));
        blocks.add(input(i -> i.blockId(RETRO).optional(true)
                .label(plainText("Retrospective reminder on"))
                .hint(plainText("A reminder in the project channel to run the retrospective. Empty: no reminder."))
                .element(datePicker(d -> d.actionId(RETRO).initialDate(o.suggestedRetrospective().toString())))));
        if (!o.dependencies().isEmpty()) {
            List<OptionObject> deps = o.dependencies().stream().limit(10)
                    .map(d -> option(plainText(clip(d.name(), 70)), String.valueOf(d.id()))).toList();
            blocks.add(input(i -> i.blockId(UNMAINTAINED).optional(true)
                    .label(plainText("Inadequately maintained"))
                    .hint(plainText("Each one ticked gets a follow-up issue to replace it or take over its "
                            + "maintenance."))
                    .element(checkboxes(c -> c.actionId(UNMAINTAINED).options(deps)))));
        }
        return view(x -> x.type("modal").callbackId(CallbackIds.FINISH.id())
                .title(viewTitle(t -> t.type("plain_text").text(TITLE)))
                .submit(viewSubmit(s -> s.type("plain_text").text("Finish")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .privateMetadata(write(new Meta(o.projectId(), channelId, open)))
                .blocks(blocks));
    }

    /** The "still open" list: repository issues, TBD levels, outside issues, unticked checklist lines. */
    static String stillOpen(FinishProject.Overview o) {
        if (!o.somethingOpen()) {
            return ":white_check_mark: Nothing is open: every repository issue is closed, every level chosen"
                    + (o.checklistRead() ? " and the checklist ticked." : ".")
                    + (o.checklistRead() ? "" : "\n_The roadmap issue's checklist could not be read just now._");
        }
        StringBuilder b = new StringBuilder("*Still open*\n");
        if (o.openRepoCount() > 0) {
            b.append("• ").append(o.openRepoCount())
                    .append(o.openRepoCount() == 1 ? " repository issue" : " repository issues").append(" not closed: ")
                    .append(links(o.openRepoIssues(), o.openRepoCount()))
                    .append('\n');
        }
        if (o.tbdCount() > 0) {
            b.append("• ").append(o.tbdCount()).append(" Owner Does ").append(o.tbdCount() == 1 ? "level" : "levels")
                    .append(" still TBD: ").append(names(o.tbdRepos(), o.tbdCount())).append('\n');
        }
        if (!o.openOutside().isEmpty()) {
            b.append("• ").append(o.openOutside().size()).append(" dependency or operations ")
                    .append(o.openOutside().size() == 1 ? "issue" : "issues").append(" open: ")
                    .append(links(o.openOutside(), o.openOutside().size())).append('\n');
        }
        if (o.uncheckedCount() > 0) {
            b.append("• ").append(o.uncheckedCount()).append(" checklist ")
                    .append(o.uncheckedCount() == 1 ? "item" : "items").append(" not ticked on the roadmap issue, "
                            + "e.g. ")
                    .append(String.join("; ", o.uncheckedItems().stream().limit(3)
                            .map(t -> clip(t.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1"), 120)).toList()))
                    .append('\n');
        } else if (!o.checklistRead()) {
            b.append("• _The roadmap issue's checklist could not be read just now._\n");
        }
        return b.toString().strip();
    }

    /** The completion announcement the form starts with. */
    static String announcement(FinishProject.Overview o) {
        StringBuilder b = new StringBuilder(":tada: The *").append(o.name()).append("* upgrade is complete");
        if (o.dependency() != null && o.targetVersion() != null) {
            b.append(": we are on ").append(o.dependency()).append(' ').append(o.targetVersion());
        }
        b.append(". Thank you to everyone who upgraded, reviewed and deployed!");
        if (o.roadmapIssueUrl() != null) {
            b.append("\nRoadmap issue: ").append(o.roadmapIssueUrl());
        }
        if (o.docsUrl() != null) {
            b.append("\nDocs: ").append(o.docsUrl());
        }
        return clip(b.toString(), TEXT_MAX);
    }

    /** The retrospective reminder's text. */
    public static String retrospective(String projectName, String roadmapIssueUrl) {
        return ":mirror: Time for the *" + Mrkdwn.escape(projectName) + "* retrospective: what went well, what could "
                + "have been better, what to do even better next time. Update the runbook if needed and open issues for "
                + "any follow-up work." + (roadmapIssueUrl == null ? "" : "\nRoadmap issue: " + roadmapIssueUrl);
    }

    /** What was typed; empty fields are null. */
    public record Form(String reason, String announcement, LocalDate retrospective, Set<Long> unmaintained) {
    }

    public static Form parse(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null
                ? Map.of()
                : state.getValues();
        Set<Long> unmaintained = new LinkedHashSet<>();
        value(values, UNMAINTAINED).map(ViewState.Value::getSelectedOptions)
                .ifPresent(list -> list.forEach(o -> unmaintained.add(Long.valueOf(o.getValue()))));
        return new Form(
                value(values, REASON).map(ViewState.Value::getValue).filter(s -> !s.isBlank()).orElse(null),
                value(values, ANNOUNCEMENT).map(ViewState.Value::getValue).filter(s -> !s.isBlank()).orElse(null),
                value(values, RETRO).map(ViewState.Value::getSelectedDate).filter(s -> !s.isBlank())
                        .map(LocalDate::parse).orElse(null),
                unmaintained);
    }

    public static Meta meta(String privateMetadata) {
        try {
            return JSON.readValue(privateMetadata, Meta.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a finish form's metadata", e);
        }
    }

    /** The modal with a word only (refusal, unknown project), replacing the loading modal. */
    public static View notice(String mrkdwn) {
        return AnnounceModal.notice(TITLE, mrkdwn);
    }

    /** What the orchestrator is told after the finish. */
    public static String result(FinishProject.Result r, ZoneId zone) {
        return switch (r.outcome()) {
            case FINISHED -> ":checkered_flag: *" + Mrkdwn.escape(r.name()) + "* is finished. The roadmap issue will "
                    + "be closed as completed"
                    + (r.followUps() > 0
                            ? ", " + r.followUps() + " follow-up " + (r.followUps() == 1
                                    ? "issue"
                                    : "issues") + " opened"
                            : "")
                    + "; " + r.stoppedMessages() + " scheduled " + (r.stoppedMessages() == 1 ? "message" : "messages")
                    + " stopped"
                    + (r.retrospectiveAt() == null
                            ? ""
                            : "; retrospective reminder on " + day(r.retrospectiveAt(),
                                    zone))
                    + ". `/upgrade reopen " + r.slug() + "` undoes it.";
            case ALREADY_FINISHED -> "*" + Mrkdwn.escape(r.name()) + "* was already finished: nothing changed.";
            case NOT_ACTIVE -> "*" + Mrkdwn.escape(r.name()) + "* is not active (a preview, being created, or "
                    + "closed): only an active project is finished.";
            case NO_SUCH_PROJECT -> "That project no longer exists.";
        };
    }

    public static String reopened(FinishProject.Reopened r) {
        return switch (r.outcome()) {
            case REOPENED -> ":arrows_counterclockwise: *" + Mrkdwn.escape(r.name()) + "* is active again: its "
                    + "roadmap issue will be reopened and " + r.resumedMessages() + " scheduled "
                    + (r.resumedMessages() == 1 ? "message" : "messages") + " resumed.";
            case NOT_FINISHED -> "*" + Mrkdwn.escape(r.name()) + "* is not finished: nothing to reopen.";
            case NO_SUCH_PROJECT -> "That project no longer exists.";
        };
    }

    public static String reasonNeeded() {
        return "Something is still open: say why you finish anyway.";
    }

    private static String day(Instant at, ZoneId zone) {
        return DAY.format(at.atZone(zone));
    }

    private static String links(List<FinishProject.IssueLink> links, int total) {
        List<String> shown = links.stream().limit(8)
                .map(l -> l.url() == null ? Mrkdwn.escape(l.label()) : Mrkdwn.link(l.url(), l.label())).toList();
        return String.join(", ", shown) + (total > shown.size() ? " and " + (total - shown.size()) + " more" : "");
    }

    private static String names(List<String> names, int total) {
        List<String> shown = names.stream().limit(8).map(n -> "`" + n + "`").toList();
        return String.join(", ", shown) + (total > shown.size() ? " and " + (total - shown.size()) + " more" : "");
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String id) {
        return Optional.ofNullable(values.get(id)).map(m -> m.get(id));
    }

    private static String clip(String s) {
        return clip(s, 2900);
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
