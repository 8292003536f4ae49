package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.creation.ChangeProjectScope;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.OrchestratorRefusal;
import io.upgradebot.slack.view.ScopeChangeView;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** "Add the other N without them" after {@code /upgrade repos … add} named repositories that cannot be used. */
@ApplicationScoped
public class AddReposConfirmPressed implements BlockActionHandler {

    private static final Logger LOG = Logger.getLogger(AddReposConfirmPressed.class);

    private final ChangeProjectScope scope;
    private final OrchestratorGate orchestrators;
    private final AfterAck afterAck;
    private final SlackGateway slack;

    public AddReposConfirmPressed(ChangeProjectScope scope, OrchestratorGate orchestrators, AfterAck afterAck,
            SlackGateway slack) {
        this.scope = scope;
        this.orchestrators = orchestrators;
        this.afterAck = afterAck;
        this.slack = slack;
    }

    @Override
    public ActionIds action() {
        return ActionIds.REPOS_ADD_CONFIRM;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        String user = payload.getUser().getId();
        String responseUrl = payload.getResponseUrl();
        var pending = ScopeChangeView.parseValue(payload.getActions().get(0).getValue());
        if (pending.isEmpty()) {
            throw new io.upgradebot.slack.http.InteractionGuard.Stale("the value is not a pending repository change");
        }
        afterAck.run(() -> {
            try {
                if (!orchestrators.allows(user)) {
                    slack.respond(responseUrl, OrchestratorRefusal.mrkdwn(
                            orchestrators.refusal(OrchestratorGate.Action.CHANGE_REPOS)), null, false);
                    return;
                }
                if (pending.isEmpty()) {
                    return;
                }
                ChangeProjectScope.Result r = scope.add(pending.get().slug(), String.join("\n", pending.get().repos()),
                        user, true);
                slack.respond(responseUrl, "Repositories of " + pending.get().slug(),
                        ScopeChangeView.result(pending.get().slug(), r), false);
            } catch (RuntimeException e) {
                LOG.warnf(e, "adding repositories failed");
            }
        });
        return ctx.ack();
    }
}
