package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.project.announce.MessageTarget;
import io.upgradebot.project.announce.ScheduledMessages;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.AnnounceModal;
import io.upgradebot.slack.view.LoadingModal;
import io.upgradebot.slack.view.ScheduleButtons;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Edit" on a scheduled message: opens a modal at once (trigger_id lives 3 s) and fills it with the announcement form
 * and the message's values after the ack.
 */
@ApplicationScoped
public class EditScheduledMessage implements BlockActionHandler {

    static final String TITLE = "Edit scheduled post";
    private static final Pattern WEEKLY = Pattern.compile(
            "0 (\\d{1,2}) (\\d{1,2}) \\? \\* ((?:MON|TUE|WED|THU|FRI|SAT|SUN)(?:,(?:MON|TUE|WED|THU|FRI|SAT|SUN))*)");

    private final OrchestratorGate orchestrators;
    private final ScheduledMessages messages;
    private final SlackGateway slack;
    private final AfterAck afterAck;
    private final ProjectSummaries summaries;

    public EditScheduledMessage(OrchestratorGate orchestrators, ScheduledMessages messages, SlackGateway slack,
            AfterAck afterAck,
            ProjectSummaries summaries) {
        this.summaries = summaries;
        this.orchestrators = orchestrators;
        this.messages = messages;
        this.slack = slack;
        this.afterAck = afterAck;
    }

    @Override
    public ActionIds action() {
        return ActionIds.SCHEDULE_EDIT;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        String user = ScheduleButtons.user(req);
        long id = ScheduleButtons.messageId(req);
        String clickedIn = req.getPayload().getChannel() != null ? req.getPayload().getChannel().getId() : null;
        String viewId = slack.openView(req.getPayload().getTriggerId(),
                LoadingModal.of(CallbackIds.ANNOUNCE_COMPOSE, TITLE));
        afterAck.run(() -> {
            if (!orchestrators.allows(user)) {
                slack.updateView(viewId, AnnounceModal.notice(TITLE, ScheduleButtons.refusal(orchestrators)));
                return;
            }
            Optional<ScheduledMessages.Message> message = messages.find(id).filter(ScheduledMessages.Message::active);
            if (message.isEmpty()) {
                slack.updateView(viewId,
                        AnnounceModal.notice(TITLE, "It is no longer scheduled (sent or cancelled meanwhile)."));
                return;
            }
            ScheduledMessages.Message m = message.get();
            Optional<ProjectSummaries.ProjectSummary> project = summaries.byId(m.projectId());
            if (project.isEmpty()) {
                slack.updateView(viewId, AnnounceModal.notice(TITLE, "That project no longer exists."));
                return;
            }
            ProjectSummaries.ProjectSummary p = project.get();
            slack.updateView(viewId, AnnounceModal.compose(p.name(),
                    new AnnounceModal.Meta(p.id(), clickedIn != null ? clickedIn : p.channelId(), m.id(), m.kind()),
                    values(m),
                    p.hasStatusMessage()));
        });
        return ctx.ack();
    }

    static AnnounceModal.Values values(ScheduledMessages.Message m) {
        ZoneId zone = ZoneId.of(m.timeZone() == null ? "UTC" : m.timeZone());
        MessageTarget target = MessageTarget.valueOf(m.target());
        if (m.cron() != null) {
            Matcher w = WEEKLY.matcher(m.cron());
            if (w.matches()) {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (String d : w.group(3).split(",")) {
                    days.add(java.util.Arrays.stream(DayOfWeek.values()).filter(x -> x.name().startsWith(d)).findFirst()
                            .orElseThrow());
                }
                return new AnnounceModal.Values(m.text(), target, "weekly", null,
                        LocalTime.of(Integer.parseInt(w.group(2)), Integer.parseInt(w.group(1))), days, null, null);
            }
            return new AnnounceModal.Values(m.text(), target, "cron", null, null, Set.of(), m.cron(), null);
        }
        ZonedDateTime at = m.runAt() == null ? null : m.runAt().atZone(zone);
        if (m.daysBefore() != null) {
            return new AnnounceModal.Values(m.text(), target, "before", null, at == null ? null : at.toLocalTime(),
                    Set.of(), null,
                    m.daysBefore());
        }
        return new AnnounceModal.Values(m.text(), target, "at", at == null ? null : at.toLocalDate(),
                at == null ? null : at.toLocalTime(), Set.of(), null, null);
    }
}
