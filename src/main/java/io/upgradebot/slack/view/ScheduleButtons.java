package io.upgradebot.slack.view;

import com.slack.api.bolt.request.builtin.BlockActionRequest;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import java.util.List;

/** What the Send now / Edit / Cancel buttons of {@code /upgrade schedule} share: who may press them, how to answer. */
public final class ScheduleButtons {
    private ScheduleButtons() {
    }

    public static String value(BlockActionRequest req) {
        return req.getPayload().getActions().get(0).getValue();
    }

    public static long messageId(BlockActionRequest req) {
        String v = value(req);
        int colon = v.indexOf(':');
        return Long.parseLong(colon < 0 ? v : v.substring(0, colon));
    }

    public static String user(BlockActionRequest req) {
        return req.getPayload().getUser().getId();
    }

    /** The answer to a non-orchestrator, the same under the list (Send now, Cancel) and in the Edit modal. */
    public static String refusal(OrchestratorGate orchestrators) {
        return OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.CHANGE_SCHEDULE));
    }

    /**
     * Acks at once; after the ack checks who clicked (a Slack call at worst) and runs {@code work} (database work,
     * Quartz), answering under the list with what it returns.
     */
    public static void afterAck(OrchestratorGate orchestrators, AfterAck afterAck, SlackGateway slack,
            BlockActionRequest req,
            java.util.function.Supplier<String> work) {
        String url = req.getPayload().getResponseUrl();
        String user = user(req);
        afterAck.run(() -> {
            String answer = orchestrators.allows(user) ? work.get() : refusal(orchestrators);
            slack.respond(url, answer, List.of(), false);
        });
    }
}
