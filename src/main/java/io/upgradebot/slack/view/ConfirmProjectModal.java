package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.upgradebot.project.creation.UnreachableRepo;
import io.upgradebot.slack.CallbackIds;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The second step of {@code /upgrade new} when the bot needs the person: repositories that do not exist or cannot
 * be used (the project is created without them only if they confirm), and/or a completion date the bot could not
 * suggest. private_metadata holds the draft project's id only.
 */
public final class ConfirmProjectModal {

    public static final String DATE = "date";
    public static final String REASON = "date_reason";

    private ConfirmProjectModal() {
    }

    /** @param dateWhy why no date could be suggested (shown above the date input); used when {@code needsDate} */
    public static View render(long projectId, String name, List<UnreachableRepo> unreachable, int reachable,
            boolean needsDate, String dateWhy) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!unreachable.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate("*" + unreachable.size() + " of the "
                    + (unreachable.size() + reachable) + " repositories cannot be used* for “" + Mrkdwn.escape(name)
                    + "”. The project can be created with the other " + reachable + "; nothing has been written yet.",
                    Mrkdwn.SECTION_MAX)))));
            List<String> lines = unreachable.stream()
                    .map(u -> "• " + Mrkdwn.escape(u.repo()) + ": " + Mrkdwn.escape(u.why())).toList();
            for (String chunk : Mrkdwn.chunks(lines, Mrkdwn.SECTION_MAX, 5)) {
                blocks.add(section(s -> s.text(markdownText(chunk))));
            }
        }
        if (needsDate) {
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(":calendar: *A completion date is needed.* "
                    + Mrkdwn.escape(dateWhy == null ? "" : dateWhy), Mrkdwn.SECTION_MAX)))));
            blocks.add(input(i -> i.blockId(DATE).label(plainText("Completion date"))
                    .element(datePicker(e -> e.actionId(DATE)))));
            blocks.add(input(i -> i.blockId(REASON).label(plainText("Why this date"))
                    .hint(plainText("Goes into the roadmap issue, as the runbook asks"))
                    .element(plainTextInput(e -> e.actionId(REASON).multiline(true).maxLength(1000)))));
        }
        String submit = unreachable.isEmpty() ? "Create" : "Create without them";
        return view(v -> v.type("modal").callbackId(CallbackIds.NEW_PROJECT_CONFIRM.id())
                .title(viewTitle(t -> t.type("plain_text").text("New upgrade project")))
                .submit(viewSubmit(t -> t.type("plain_text").text(submit)))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .privateMetadata("{\"p\":" + projectId + "}")
                .blocks(blocks));
    }

    /** The draft project's id from private_metadata, or null. */
    public static Long projectId(View view) {
        String md = view.getPrivateMetadata();
        if (md == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"p\"\\s*:\\s*(\\d+)").matcher(md);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    /** The date entered, null when the view has no date input or it is empty. */
    public static LocalDate date(View view) throws DateTimeParseException {
        ViewState.Value v = value(view, DATE);
        return v == null || v.getSelectedDate() == null ? null : LocalDate.parse(v.getSelectedDate());
    }

    public static String reason(View view) {
        ViewState.Value v = value(view, REASON);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? null : v.getValue().strip();
    }

    public static boolean asksForDate(View view) {
        return view.getState() != null && view.getState().getValues() != null
                && view.getState().getValues().containsKey(DATE);
    }

    private static ViewState.Value value(View view, String id) {
        if (view.getState() == null || view.getState().getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> block = view.getState().getValues().get(id);
        return block == null ? null : block.get(id);
    }
}
