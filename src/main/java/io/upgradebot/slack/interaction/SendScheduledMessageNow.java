package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.announce.ScheduledMessages;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.ScheduleButtons;
import jakarta.enterprise.context.ApplicationScoped;

/** "Send now" on a scheduled message. The button's render token makes a double click one post. */
@ApplicationScoped
public class SendScheduledMessageNow implements BlockActionHandler {

    private final OrchestratorGate orchestrators;
    private final ScheduledMessages messages;
    private final SlackGateway slack;
    private final AfterAck afterAck;

    public SendScheduledMessageNow(OrchestratorGate orchestrators, ScheduledMessages messages, SlackGateway slack,
            AfterAck afterAck) {
        this.orchestrators = orchestrators;
        this.messages = messages;
        this.slack = slack;
        this.afterAck = afterAck;
    }

    @Override
    public ActionIds action() {
        return ActionIds.SCHEDULE_SEND_NOW;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        String value = ScheduleButtons.value(req);
        String token = value.contains(":")
                ? value.substring(value.indexOf(':') + 1)
                : req.getPayload().getActions().get(0).getActionTs();
        long id = ScheduleButtons.messageId(req);
        ScheduleButtons.afterAck(orchestrators, afterAck, slack, req, () -> switch (messages.sendNow(id, token)) {
            case SENDING -> ":outbox_tray: Sending it now.";
            case ALREADY_SENDING -> "It is already on its way.";
            case NOT_ACTIVE -> "It is no longer scheduled (sent or cancelled meanwhile).";
        });
        return ctx.ack();
    }
}
