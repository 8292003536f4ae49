package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.upgradebot.project.ownerdoes.ChooseForRepository;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.ChoiceRefusalText;
import io.upgradebot.slack.view.OwnerDoesChoicesModal;
import io.upgradebot.slack.view.OwnerDoesChoicesScreen;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A level picked for a repository in the modal: acked at once; after the ack the choice is checked against the
 * policy and recorded (or refused, ephemerally, saying who can), and the modal is redrawn from the record.
 */
@ApplicationScoped
public class PickOwnerDoesLevel implements BlockActionHandler {

    private static final Logger LOG = Logger.getLogger(PickOwnerDoesLevel.class);

    private final AfterAck afterAck;
    private final ChooseForRepository choose;
    private final OwnerDoesChoicesScreen screen;
    private final SlackGateway slack;

    public PickOwnerDoesLevel(AfterAck afterAck, ChooseForRepository choose, OwnerDoesChoicesScreen screen,
            SlackGateway slack) {
        this.afterAck = afterAck;
        this.choose = choose;
        this.screen = screen;
        this.slack = slack;
    }

    @Override
    public ActionIds action() {
        return ActionIds.OWNER_DOES_PICK;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        var action = payload.getActions().get(0);
        long repoId;
        try {
            repoId = Long.parseLong(ActionIds.suffixOf(action.getActionId()));
        } catch (RuntimeException e) {
            return ctx.ack();
        }
        String level = action.getSelectedOption() == null ? null : action.getSelectedOption().getValue();
        String userId = payload.getUser().getId();
        View view = payload.getView();
        if (level == null) {
            return ctx.ack();
        }
        afterAck.run(() -> {
            ChooseForRepository.Outcome outcome = choose.choose(userId, repoId, level);
            String notice = null;
            if (outcome.refused()) {
                String refusal = ChoiceRefusalText.mrkdwn(outcome.refusal().get());
                notice = ":no_entry: " + refusal;
                refuseEphemerally(repoId, userId, refusal);
            }
            if (view != null) {
                OwnerDoesChoicesModal.Metadata md = OwnerDoesChoicesModal.Metadata.parse(view.getPrivateMetadata())
                        .orElse(null);
                if (md != null) {
                    screen.render(view.getId(), md.projectId(), userId, md.query(), md.page(), notice);
                }
            }
        });
        return ctx.ack();
    }

    private void refuseEphemerally(long repoId, String userId, String text) {
        choose.projectChannel(repoId).ifPresent(channel -> {
            try {
                slack.postEphemeral(channel, userId, text, null);
            } catch (SlackGateway.SlackException e) {
                // not in the channel: the modal shows the same refusal
                LOG.debugf("refusal not posted in %s: %s", channel, e.error());
            }
        });
    }
}
