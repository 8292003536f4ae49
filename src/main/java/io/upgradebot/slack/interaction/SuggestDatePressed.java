package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.creation.DateSuggestion;
import io.upgradebot.project.creation.SuggestCompletionDate;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.NewProjectModal;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * "Suggest a date" in the new-project form: acks at once, then asks endoflife.date and fills the date, the release
 * and the reason into the open form (views.update), keeping everything else the person typed.
 */
@ApplicationScoped
public class SuggestDatePressed implements BlockActionHandler {

    private static final Logger LOG = Logger.getLogger(SuggestDatePressed.class);

    private final SuggestCompletionDate dates;
    private final SlackGateway slack;
    private final AfterAck afterAck;

    public SuggestDatePressed(SuggestCompletionDate dates, SlackGateway slack, AfterAck afterAck) {
        this.dates = dates;
        this.slack = slack;
        this.afterAck = afterAck;
    }

    @Override
    public ActionIds action() {
        return ActionIds.NEW_PROJECT_SUGGEST_DATE;
    }

    @Override
    public Response handle(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        var view = payload.getView();
        if (view == null) {
            return ctx.ack();
        }
        NewProjectModal.Parsed parsed = NewProjectModal.parse(view, payload.getUser().getId(),
                payload.getTeam() == null ? null : payload.getTeam().getId());
        String viewId = view.getId();
        afterAck.run(() -> {
            var r = parsed.request();
            DateSuggestion s = dates.suggest(r.product(), r.currentVersion(), null);
            // a new revision replaces the date and release Slack would otherwise keep; without a date keep the person's
            int rev = parsed.metadata().rev() + (s.date() != null || s.release() != null ? 1 : 0);
            try {
                slack.updateView(viewId, NewProjectModal.form(r,
                        new NewProjectModal.Metadata(parsed.metadata().originChannel(), rev, s), null));
            } catch (SlackGateway.SlackException e) {
                LOG.infof("form %s not updated with the suggestion: %s", viewId, e.error());
            }
        });
        return ctx.ack();
    }
}
