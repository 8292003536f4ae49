package io.upgradebot.slack.interaction;

import com.slack.api.bolt.request.builtin.BlockActionRequest;
import io.upgradebot.project.Orchestrators;
import io.upgradebot.slack.AfterAck;
import io.upgradebot.slack.SlackGateway;
import java.util.List;

/** What the Send now / Edit / Cancel buttons of {@code /upgrade schedule} share: who may press them, how to answer. */
final class ScheduleButtons {
    private ScheduleButtons() {
    }

    static String value(BlockActionRequest req) {
        return req.getPayload().getActions().get(0).getValue();
    }

    static long messageId(BlockActionRequest req) {
        String v = value(req);
        int colon = v.indexOf(':');
        return Long.parseLong(colon < 0 ? v : v.substring(0, colon));
    }

    static String user(BlockActionRequest req) {
        return req.getPayload().getUser().getId();
    }

    /** Answers the person who clicked, under the list, after the ack. */
    static void answer(AfterAck afterAck, SlackGateway slack, BlockActionRequest req, String mrkdwn) {
        String url = req.getPayload().getResponseUrl();
        afterAck.run(() -> slack.respond(url, mrkdwn, List.of(), false));
    }

    static boolean refuse(Orchestrators orchestrators, AfterAck afterAck, SlackGateway slack, BlockActionRequest req) {
        if (orchestrators.isOrchestrator(user(req))) {
            return false;
        }
        answer(afterAck, slack, req, ":no_entry: Only orchestrators can change what is scheduled: " + orchestrators.whoCan() + ".");
        return true;
    }
}
