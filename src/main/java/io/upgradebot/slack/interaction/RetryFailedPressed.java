package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.sync.RetryFailedWrites;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.OrchestratorRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** "Retry the failed writes" on a project's summary (orchestrators only); the answer is ephemeral. */
@ApplicationScoped
public class RetryFailedPressed implements BlockActionHandler {

    private static final Logger LOG = Logger.getLogger(RetryFailedPressed.class);

    private final RetryFailedWrites retry;
    private final OrchestratorGate orchestrators;
    private final AfterAck afterAck;
    private final SlackGateway slack;

    public RetryFailedPressed(RetryFailedWrites retry, OrchestratorGate orchestrators, AfterAck afterAck,
            SlackGateway slack) {
        this.retry = retry;
        this.orchestrators = orchestrators;
        this.afterAck = afterAck;
        this.slack = slack;
    }

    @Override
    public ActionIds action() {
        return ActionIds.PROJECT_RETRY_FAILED;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        String user = payload.getUser().getId();
        String responseUrl = payload.getResponseUrl();
        String value = payload.getActions().get(0).getValue();
        afterAck.run(() -> {
            String answer;
            if (!orchestrators.allows(user)) {
                answer = OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.RETRY_FAILED));
            } else {
                int n = retry.retry(Long.parseLong(value));
                answer = n == 0
                        ? "Nothing is failed any more; nothing to retry."
                        : ":repeat: Retrying " + n + " GitHub write" + (n == 1 ? "" : "s")
                                + "; the status message shows the progress.";
            }
            try {
                slack.respond(responseUrl, answer, null, false);
            } catch (SlackGateway.SlackException e) {
                LOG.infof("could not answer a retry click: %s", e.error());
            }
        });
        return ctx.ack();
    }
}
