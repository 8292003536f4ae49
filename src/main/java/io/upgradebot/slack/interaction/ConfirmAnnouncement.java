package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.MessageTriggers;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.project.announce.MessageKind;
import io.upgradebot.project.announce.ScheduledMessages;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.AnnounceModal;
import io.upgradebot.slack.view.OrchestratorRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * "Schedule" / "Post now" on the preview: the draft becomes a scheduled message (its Quartz trigger in the same
 * transaction), the modal stack closes, and the author gets a note saying when it will go out. Submitting twice
 * (double click, Slack retry) schedules once.
 */
@ApplicationScoped
public class ConfirmAnnouncement implements ViewSubmissionHandler {

    private static final Logger LOG = Logger.getLogger(ConfirmAnnouncement.class);

    private final OrchestratorGate orchestrators;
    private final ScheduledMessages messages;
    private final MessageTriggers triggers;
    private final SlackGateway slack;
    private final AnnouncementPoster poster;
    private final AfterAck afterAck;
    private final ProjectSummaries summaries;

    public ConfirmAnnouncement(OrchestratorGate orchestrators, ScheduledMessages messages, MessageTriggers triggers,
            SlackGateway slack, AnnouncementPoster poster, AfterAck afterAck, ProjectSummaries summaries) {
        this.summaries = summaries;
        this.orchestrators = orchestrators;
        this.messages = messages;
        this.triggers = triggers;
        this.slack = slack;
        this.poster = poster;
        this.afterAck = afterAck;
    }

    @Override
    public CallbackIds callbackId() {
        return CallbackIds.ANNOUNCE_PREVIEW;
    }

    @Override
    public Response handle(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        String user = req.getPayload().getUser().getId();
        AnnounceModal.PreviewMeta meta = AnnounceModal.previewMeta(req.getPayload().getView().getPrivateMetadata());
        String channel = meta.channelId();
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(user);
        if (orchestrator == OrchestratorGate.Answer.UNKNOWN_YET) {
            // the user-group lookup is slow: the modal closes now, the draft is confirmed (or refused) after the ack
            afterAck.run(() -> tell(channel, user, orchestrators.allows(user) ? confirm(meta) : refusal()));
            return ctx.ack(r -> r.responseAction("clear"));
        }
        String note = orchestrator == OrchestratorGate.Answer.ALLOWED ? confirm(meta) : refusal();
        afterAck.run(() -> tell(channel, user, note));
        return ctx.ack(r -> r.responseAction("clear"));
    }

    private String confirm(AnnounceModal.PreviewMeta meta) {
        ScheduledMessages.Confirmed c = messages.confirm(meta.draftId(), meta.editOf());
        return c.problem() != null ? ":warning: " + c.problem() : confirmation(c);
    }

    private String refusal() {
        return OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.ANNOUNCE));
    }

    private String confirmation(ScheduledMessages.Confirmed c) {
        var m = c.message();
        String slug = summaries.byId(m.projectId()).map(ProjectSummaries.ProjectSummary::slug).orElse("");
        String what = MessageKind.of(m.kind()).label();
        String when = triggers.nextFireTime(m.id())
                .map(n -> ComposeAnnouncement.AT
                        .format(n.atZone(ZoneId.of(m.timeZone() == null ? "UTC" : m.timeZone())))
                        + " (" + (m.timeZone() == null ? "UTC" : m.timeZone()) + ")")
                .orElse("now");
        return ":white_check_mark: " + what + (c.alreadyConfirmed() ? " was already scheduled" : " scheduled")
                + ": it goes out " + ("now".equals(when) ? "now" : "on " + when)
                + ". `/upgrade schedule " + slug + "` lists it.";
    }

    private void tell(String channel, String user, String text) {
        tell(slack, poster, channel, user, text);
    }

    /** An ephemeral note to the author in the channel, or a DM when the bot cannot post there. */
    static void tell(SlackGateway slack, AnnouncementPoster poster, String channel, String user, String text) {
        try {
            slack.postEphemeral(channel, user, text, List.of());
        } catch (RuntimeException e) {
            // not a member of that channel: a direct message reaches the author anyway
            LOG.debugf("ephemeral note failed (%s), sending it as a DM", e.getMessage());
            poster.postDm(user, AnnouncementPoster.Post.of(text));
        }
    }
}
