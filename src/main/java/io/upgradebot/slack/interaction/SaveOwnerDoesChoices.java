package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.ownerdoes.ChooseForRepository;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.ChoiceRefusalText;
import io.upgradebot.slack.view.OwnerDoesChoicesModal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Done in the choices modal: closes it, and saves any pick on screen that differs from what the page showed (a
 * pick whose block action never reached the bot). Picks already saved are the recorded level and change nothing.
 */
@ApplicationScoped
public class SaveOwnerDoesChoices implements ViewSubmissionHandler {

    private final AfterAck afterAck;
    private final ChooseForRepository choose;
    private final SlackGateway slack;

    public SaveOwnerDoesChoices(AfterAck afterAck, ChooseForRepository choose, SlackGateway slack) {
        this.afterAck = afterAck;
        this.choose = choose;
        this.slack = slack;
    }

    @Override
    public CallbackIds callbackId() {
        return CallbackIds.OWNER_DOES_CHOICES;
    }

    @Override
    public Response handle(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        Map<Long, String> picks = OwnerDoesChoicesModal.unsavedPicks(req.getPayload().getView());
        String userId = req.getPayload().getUser().getId();
        if (!picks.isEmpty()) {
            afterAck.run(() -> {
                List<String> refusals = new ArrayList<>();
                Long anyRepo = null;
                for (Map.Entry<Long, String> pick : picks.entrySet()) {
                    ChooseForRepository.Outcome outcome = choose.choose(userId, pick.getKey(), pick.getValue());
                    if (outcome.refused()) {
                        refusals.add(ChoiceRefusalText.mrkdwn(outcome.refusal().get()));
                        anyRepo = pick.getKey();
                    }
                }
                if (anyRepo != null) {
                    String text = String.join("\n", refusals);
                    choose.projectChannel(anyRepo).ifPresent(channel -> {
                        try {
                            slack.postEphemeral(channel, userId, text, null);
                        } catch (SlackGateway.SlackException e) {
                            // not in the channel: nothing else can reach them privately without a DM
                        }
                    });
                }
            });
        }
        return ctx.ack();
    }
}
