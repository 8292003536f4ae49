package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.outside.AddOutsideIssues;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.DepsModal;
import io.upgradebot.slack.view.OrchestratorRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * "Open issues" on the outside-issues form: field errors for an entry without a name or kind or with a bad link;
 * otherwise the modal closes and the issues are planned after the ack. A repeated submission adds nothing twice
 * (an entry's write key is its repository and name).
 */
@ApplicationScoped
public class DepsSubmitted implements ViewSubmissionHandler {

    private final OrchestratorGate orchestrators;
    private final AddOutsideIssues outside;
    private final AfterAck afterAck;
    private final SlackGateway slack;
    private final AnnouncementPoster poster;

    public DepsSubmitted(OrchestratorGate orchestrators, AddOutsideIssues outside, AfterAck afterAck,
            SlackGateway slack, AnnouncementPoster poster) {
        this.orchestrators = orchestrators;
        this.outside = outside;
        this.afterAck = afterAck;
        this.slack = slack;
        this.poster = poster;
    }

    @Override
    public CallbackIds callbackId() {
        return CallbackIds.DEPS;
    }

    @Override
    public Response handle(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        String user = req.getPayload().getUser().getId();
        DepsModal.Meta meta = DepsModal.meta(req.getPayload().getView().getPrivateMetadata());
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(user);
        if (orchestrator == OrchestratorGate.Answer.REFUSED) {
            return ctx.ackWithErrors(Map.of(DepsModal.NAME + 1, OrchestratorRefusal.plain(refusal())));
        }
        DepsModal.Form form = DepsModal.parse(req.getPayload().getView().getState());
        if (!form.errors().isEmpty()) {
            return ctx.ackWithErrors(form.errors());
        }
        afterAck.run(() -> {
            String channel = meta.channelId();
            if (!orchestrators.allowsAfterAck(orchestrator, user)) {
                ConfirmAnnouncement.tell(slack, poster, channel, user, OrchestratorRefusal.mrkdwn(refusal()));
                return;
            }
            AddOutsideIssues.Result r = outside.add(meta.projectId(), user, form.entries(), form.askForHelp());
            ConfirmAnnouncement.tell(slack, poster, channel, user, DepsModal.result(r));
        });
        return ctx.ack(r -> r.responseAction("clear"));
    }

    private OrchestratorGate.Refusal refusal() {
        return orchestrators.refusal(OrchestratorGate.Action.OUTSIDE_ISSUES);
    }
}
