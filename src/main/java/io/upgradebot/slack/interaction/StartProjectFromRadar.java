package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.creation.NewProjectRequest;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.NewProjectModal;
import io.upgradebot.slack.view.OrchestratorRefusal;
import io.upgradebot.slack.view.RadarView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * "Start a project" on the radar post: opens the {@code /upgrade new} form at once (the trigger_id dies after 3 s),
 * filled with what the button carries: name, dependency, versions, the suggested date and its reason.
 */
@ApplicationScoped
public class StartProjectFromRadar implements BlockActionHandler {

    private final OrchestratorGate orchestrators;
    private final SlackGateway slack;
    private final AfterAck afterAck;
    private final UpgradeBotConfig config;

    public StartProjectFromRadar(OrchestratorGate orchestrators, SlackGateway slack, AfterAck afterAck,
            UpgradeBotConfig config) {
        this.orchestrators = orchestrators;
        this.slack = slack;
        this.afterAck = afterAck;
        this.config = config;
    }

    @Override
    public ActionIds action() {
        return ActionIds.RADAR_NEW_PROJECT;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        // a value that is not ours throws IllegalArgumentException: the guard answers it as a stale button
        RadarView.Prefill prefill = RadarView.Prefill.fromValue(payload.getActions().get(0).getValue());
        String user = payload.getUser().getId();
        String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
        OrchestratorGate.Answer answer = orchestrators.beforeAck(user);
        if (answer == OrchestratorGate.Answer.REFUSED) {
            String url = payload.getResponseUrl();
            afterAck.run(() -> slack.respond(url, refusal(), List.of(), false));
            return ctx.ack();
        }
        NewProjectRequest initial = NewProjectModal.initial(prefill.name(), prefill.product(),
                prefill.currentVersion(), prefill.targetVersion(), config.roadmapRepo().orElse(null), channel);
        String viewId = slack.openView(payload.getTriggerId(),
                NewProjectModal.form(initial, new NewProjectModal.Metadata(channel, 0, prefill.suggestion()), null));
        if (answer == OrchestratorGate.Answer.UNKNOWN_YET) {
            afterAck.run(() -> {
                if (!orchestrators.allows(user)) {
                    slack.updateView(viewId, NewProjectModal.notice(refusal()));
                }
            });
        }
        return ctx.ack();
    }

    private String refusal() {
        return OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.NEW));
    }
}
