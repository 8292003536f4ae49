package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.upgradebot.project.announce.MessageKind;
import io.upgradebot.project.announce.MessageTarget;
import io.upgradebot.project.announce.Recurrence;
import io.upgradebot.project.announce.ScheduledMessages;
import io.upgradebot.slack.ActionIds;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /upgrade schedule <project>}: what is scheduled, when it fires next, how its last firing went, with
 * Send now / Edit / Cancel on each. Two blocks per message and 50 per Slack message: the first 23 active ones are
 * listed, the rest counted.
 */
public final class ScheduleList {

    static final int MAX_ACTIVE = 23;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private ScheduleList() {
    }

    /** {@code token} names this rendering: "Send now" clicked twice on it posts once. */
    public static List<LayoutBlock> render(String projectName, String slug, List<ScheduledMessages.Listed> listed,
            ZoneId viewer, String token) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<ScheduledMessages.Listed> active = listed.stream().filter(l -> l.message().active()).toList();
        List<ScheduledMessages.Listed> finished = listed.stream().filter(l -> !l.message().active()).toList();
        blocks.add(section(s -> s.text(markdownText("*Scheduled for " + Mrkdwn.escape(projectName) + "* ("
                + active.size() + " active) · times in " + viewer.getId()
                + "\nNew announcement: `/upgrade announce " + slug + "`"))));
        for (ScheduledMessages.Listed l : active.subList(0, Math.min(MAX_ACTIVE, active.size()))) {
            ScheduledMessages.Message m = l.message();
            blocks.add(section(s -> s.text(markdownText(describe(l, viewer)))));
            String id = String.valueOf(m.id());
            blocks.add(actions(a -> a.blockId("schedule-" + id).elements(List.of(
                    button(b -> b.text(plainText("Send now")).actionId(ActionIds.SCHEDULE_SEND_NOW.id(id))
                            .value(id + ":" + token)),
                    button(b -> b.text(plainText("Edit")).actionId(ActionIds.SCHEDULE_EDIT.id(id)).value(id)),
                    button(b -> b.text(plainText("Cancel")).style("danger").actionId(ActionIds.SCHEDULE_CANCEL.id(id))
                            .value(id)
                            .confirm(confirmationDialog(c -> c.title(plainText("Cancel it?"))
                                    .text(markdownText(
                                            "*" + MessageKind.of(m.kind()).label() + "* will not be posted any more."))
                                    .confirm(plainText("Cancel it")).deny(plainText("Keep it")))))))));
        }
        if (active.size() > MAX_ACTIVE) {
            blocks.add(context(c -> c.elements(List.of(markdownText("…and " + (active.size() - MAX_ACTIVE)
                    + " more firing later than these.")))));
        }
        if (!finished.isEmpty()) {
            StringBuilder done = new StringBuilder("*Recently finished*");
            for (ScheduledMessages.Listed l : finished) {
                done.append("\n• ").append(MessageKind.of(l.message().kind()).label()).append(": ")
                        .append(l.message().state().name().toLowerCase(Locale.ROOT)).append(lastLine(l, viewer));
            }
            String text = done.length() > 2900 ? done.substring(0, 2900) + "…" : done.toString();
            blocks.add(context(c -> c.elements(List.of(markdownText(text)))));
        }
        return blocks;
    }

    static String describe(ScheduledMessages.Listed l, ZoneId viewer) {
        ScheduledMessages.Message m = l.message();
        StringBuilder s = new StringBuilder("*").append(MessageKind.of(m.kind()).label()).append("* · ")
                .append(MessageTarget.THREAD.name().equals(m.target()) ? "status thread" : "channel");
        ZoneId zone = m.timeZone() == null ? viewer : ZoneId.of(m.timeZone());
        if (m.cron() != null) {
            s.append(" · ").append(Recurrence.of(m.cron(), zone).describe());
        } else if (m.daysBefore() != null) {
            s.append(" · ").append(m.daysBefore()).append(m.daysBefore() == 1 ? " day" : " days")
                    .append(" before the completion date");
        }
        l.next().ifPresent(n -> s.append("\nNext: ").append(at(n, viewer)));
        if (m.text() != null && !m.text().isBlank()) {
            String t = m.text().strip().replace("\n", " ");
            s.append("\n> ").append(t.length() > 150 ? t.substring(0, 149) + "…" : t);
        }
        s.append(lastLine(l, viewer));
        return s.length() > 2900 ? s.substring(0, 2900) + "…" : s.toString();
    }

    private static String lastLine(ScheduledMessages.Listed l, ZoneId viewer) {
        if (l.last().isEmpty()) {
            return "";
        }
        ScheduledMessages.Delivery d = l.last().get();
        return switch (d.state()) {
            case SENT -> "\nLast sent " + at(d.sentAt(), viewer);
            case SKIPPED -> "\nLast firing skipped: " + d.lastError();
            case FAILED -> "\n:warning: Last firing failed: " + d.lastError();
            case PENDING -> d.attempts() == 0
                    ? ""
                    : "\n:hourglass: Retrying (" + d.attempts() + " attempts so far): " + d.lastError();
            default -> "\nPosting now…";
        };
    }

    static String at(Instant instant, ZoneId zone) {
        return instant == null ? "?" : WHEN.format(instant.atZone(zone));
    }
}
