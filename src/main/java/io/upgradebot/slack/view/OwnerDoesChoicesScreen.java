package io.upgradebot.slack.view;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import io.upgradebot.project.ownerdoes.ChoosableRepositories;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
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
    private final AfterAck afterAck;

    public OwnerDoesChoicesScreen(ChoosableRepositories choosable, SlackGateway slack, AfterAck afterAck) {
        this.choosable = choosable;
        this.slack = slack;
        this.afterAck = afterAck;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Redraws, after the ack, the choices modal a block action came from on {@code page} of {@code query} (null: the
     * query the modal shows). An action from anywhere else (no view, not our metadata) changes nothing.
     */
    public void redrawAfterAck(BlockActionPayload payload, String query, int page) {
        var md = payload.getView() == null
                ? null
                : OwnerDoesChoicesModal.Metadata.parse(payload.getView().getPrivateMetadata()).orElse(null);
        if (md != null) {
            String viewId = payload.getView().getId();
            String userId = payload.getUser().getId();
            String shown = query != null ? query : md.query();
            afterAck.run(() -> render(viewId, md.projectId(), userId, shown, page, null));
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
