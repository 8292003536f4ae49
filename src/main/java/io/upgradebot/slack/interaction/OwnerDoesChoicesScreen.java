package io.upgradebot.slack.interaction;

import io.upgradebot.project.ChoosableRepositories;
import io.upgradebot.slack.SlackGateway;
import io.upgradebot.slack.view.OwnerDoesChoicesModal;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Fills and refreshes an open "Choose for my repositories" modal (views.update, after the ack). Renders of one view
 * are serialised and each reads the database inside that order, so the last update Slack gets shows the latest
 * levels even when several picks are handled at once.
 */
@ApplicationScoped
public class OwnerDoesChoicesScreen {

    private static final Logger LOG = Logger.getLogger(OwnerDoesChoicesScreen.class);
    private final Object[] locks = new Object[64];

    private final ChoosableRepositories choosable;
    private final SlackGateway slack;

    public OwnerDoesChoicesScreen(ChoosableRepositories choosable, SlackGateway slack) {
        this.choosable = choosable;
        this.slack = slack;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    public void render(String viewId, long projectId, String userId, String query, int page, String notice) {
        synchronized (locks[Math.floorMod(viewId.hashCode(), locks.length)]) {
            try {
                slack.updateView(viewId, choosable.page(projectId, userId, query, page)
                        .map(p -> OwnerDoesChoicesModal.of(p, notice)).orElseGet(OwnerDoesChoicesModal::gone));
            } catch (SlackGateway.SlackException e) {
                // the person closed the modal meanwhile (view not found): nothing to show anymore
                LOG.infof("Owner Does modal %s not updated: %s", viewId, e.error());
            }
        }
    }
}
