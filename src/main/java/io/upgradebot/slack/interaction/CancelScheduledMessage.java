package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.announce.MessageKind;
import io.upgradebot.project.announce.ScheduledMessages;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.ScheduleButtons;
import jakarta.enterprise.context.ApplicationScoped;

/** "Cancel" (after Slack's confirmation dialog) on a scheduled message: its trigger and pending retries go. */
@ApplicationScoped
public class CancelScheduledMessage implements BlockActionHandler {

    private final OrchestratorGate orchestrators;
    private final ScheduledMessages messages;
    private final SlackGateway slack;
    private final AfterAck afterAck;

    public CancelScheduledMessage(OrchestratorGate orchestrators, ScheduledMessages messages, SlackGateway slack,
            AfterAck afterAck) {
        this.orchestrators = orchestrators;
        this.messages = messages;
        this.slack = slack;
        this.afterAck = afterAck;
    }

    @Override
    public ActionIds action() {
        return ActionIds.SCHEDULE_CANCEL;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        long id = ScheduleButtons.messageId(req);
        ScheduleButtons.afterAck(orchestrators, afterAck, slack, req, () -> {
            String label = messages.find(id).map(m -> MessageKind.of(m.kind()).label()).orElse("It");
            return messages.cancel(id)
                    ? ":wastebasket: " + label + " cancelled; it will not be posted."
                    : label + " was not scheduled any more.";
        });
        return ctx.ack();
    }
}
