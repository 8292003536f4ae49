package io.upgradebot.slack.view;

import io.upgradebot.project.checklist.ShowChecklist;
import io.upgradebot.slack.api.SlackGateway;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Fills and redraws an open checklist modal (views.update, after the ack). Renders of one view are serialised and
 * each reads the database inside that order, so after several quick clicks the last update shows the latest state.
 */
@ApplicationScoped
public class ChecklistScreen {

    private static final Logger LOG = Logger.getLogger(ChecklistScreen.class);
    private final Object[] locks = new Object[64];

    private final ShowChecklist show;
    private final SlackGateway slack;

    public ChecklistScreen(ShowChecklist show, SlackGateway slack) {
        this.show = show;
        this.slack = slack;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** {@code notice} (mrkdwn, may be null) replaces the hint under the title, e.g. a refusal. */
    public void render(String viewId, long projectId, boolean orchestrator, String notice) {
        synchronized (locks[Math.floorMod(viewId.hashCode(), locks.length)]) {
            try {
                slack.updateView(viewId, show.of(projectId, orchestrator).map(c -> ChecklistModal.of(c, notice))
                        .orElseGet(() -> ChecklistModal.notice("That project no longer exists.")));
            } catch (SlackGateway.SlackException e) {
                // the person closed the modal meanwhile: nothing to show any more
                LOG.infof("checklist modal %s not updated: %s", viewId, e.error());
            }
        }
    }
}
