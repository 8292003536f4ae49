package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.ownerdoes.AskOwnersToChoose;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.HomeTabView;
import io.upgradebot.slack.view.OrchestratorRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * "Ask owners" on a project of the Home tab: what {@code /upgrade ask <project>} does (orchestrators only, the
 * same gate and use case). A Home tab click has no response_url, so the answer goes to the person's direct messages
 * with the bot (the app's Messages tab).
 */
@ApplicationScoped
public class HomeAskPressed implements BlockActionHandler {

    private static final Logger LOG = Logger.getLogger(HomeAskPressed.class);

    private final OrchestratorGate orchestrators;
    private final AskOwnersToChoose ask;
    private final AfterAck afterAck;
    private final SlackGateway slack;

    public HomeAskPressed(OrchestratorGate orchestrators, AskOwnersToChoose ask, AfterAck afterAck,
            SlackGateway slack) {
        this.orchestrators = orchestrators;
        this.ask = ask;
        this.afterAck = afterAck;
        this.slack = slack;
    }

    @Override
    public ActionIds action() {
        return ActionIds.HOME_ASK;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        long projectId = Long.parseLong(payload.getActions().get(0).getValue()); // checked by InteractionGuard
        String user = payload.getUser().getId();
        OrchestratorGate.Answer before = orchestrators.beforeAck(user);
        afterAck.run(() -> {
            String answer;
            if (!orchestrators.allowsAfterAck(before, user)) {
                answer = OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.ASK));
            } else {
                try {
                    answer = HomeTabView.asked(ask.ask(projectId));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "announcement for project %d failed", projectId);
                    answer = "The announcement could not be posted: " + e.getMessage();
                }
            }
            slack.postMessage(slack.openDm(user), null, answer, null);
        });
        return ctx.ack();
    }
}
