package io.upgradebot.slack.interaction;

import io.upgradebot.slack.OrchestratorCheckBeforeAck;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.MessageKind;
import io.upgradebot.project.MessageTriggers;
import io.upgradebot.project.ScheduledMessages;
import io.upgradebot.slack.AfterAck;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.SlackGateway;
import io.upgradebot.slack.view.AnnounceModal;
import io.upgradebot.store.UpgradeProjectEntity;
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

    private final OrchestratorCheckBeforeAck orchestrators;
    private final ScheduledMessages messages;
    private final MessageTriggers triggers;
    private final SlackGateway slack;
    private final AnnouncementPoster poster;
    private final AfterAck afterAck;

    public ConfirmAnnouncement(OrchestratorCheckBeforeAck orchestrators, ScheduledMessages messages, MessageTriggers triggers,
            SlackGateway slack, AnnouncementPoster poster, AfterAck afterAck) {
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
        String note;
        if (!orchestrators.quickly(user).orElse(false)) {
            note = ":no_entry: Only orchestrators can schedule announcements: " + orchestrators.whoCan() + ".";
        } else {
            ScheduledMessages.Confirmed c = messages.confirm(meta.draftId(), meta.editOf());
            note = c.problem() != null ? ":warning: " + c.problem() : confirmation(c);
        }
        String channel = meta.channelId();
        afterAck.run(() -> tell(channel, user, note));
        return ctx.ack(r -> r.responseAction("clear"));
    }

    private String confirmation(ScheduledMessages.Confirmed c) {
        var m = c.message();
        String slug = QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(m.projectId);
            return p == null ? "" : p.slug;
        });
        String what = MessageKind.of(m.kind).label();
        String when = triggers.nextFireTime(m.id)
                .map(n -> ComposeAnnouncement.AT.format(n.atZone(ZoneId.of(m.timeZone == null ? "UTC" : m.timeZone)))
                        + " (" + (m.timeZone == null ? "UTC" : m.timeZone) + ")")
                .orElse("now");
        return ":white_check_mark: " + what + (c.alreadyConfirmed() ? " was already scheduled" : " scheduled")
                + ": it goes out " + ("now".equals(when) ? "now" : "on " + when)
                + ". `/upgrade schedule " + slug + "` lists it.";
    }

    private void tell(String channel, String user, String text) {
        try {
            slack.postEphemeral(channel, user, text, List.of());
        } catch (RuntimeException e) {
            // not a member of that channel: a direct message reaches the author anyway
            LOG.debugf("ephemeral note failed (%s), sending it as a DM", e.getMessage());
            poster.postDm(user, AnnouncementPoster.Post.of(text));
        }
    }
}
