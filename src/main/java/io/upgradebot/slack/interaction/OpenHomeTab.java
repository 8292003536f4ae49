package io.upgradebot.slack.interaction;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.upgradebot.project.home.HomeTabs;
import io.upgradebot.slack.http.AfterAck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The Events API's {@code app_home_opened}: acked at once; after the ack the person is remembered as a Home tab
 * viewer and their tab published (unless it was published moments ago: then the publish is owed and coalesced). The
 * Messages tab, and events without a plausible user id, are acknowledged and change nothing.
 */
@ApplicationScoped
public class OpenHomeTab {

    private static final Logger LOG = Logger.getLogger(OpenHomeTab.class);
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,30}");

    private final AfterAck afterAck;
    private final HomeTabs homeTabs;

    public OpenHomeTab(AfterAck afterAck, HomeTabs homeTabs) {
        this.afterAck = afterAck;
        this.homeTabs = homeTabs;
    }

    public Response handle(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload == null ? null : payload.getEvent();
        String user = event == null ? null : event.getUser();
        if (user == null || !USER_ID.matcher(user).matches()) {
            LOG.infof("Ignored an app_home_opened event without a user id");
            return ctx.ack();
        }
        if (event.getTab() != null && !"home".equals(event.getTab())) {
            return ctx.ack(); // the Messages tab: nothing of ours to draw
        }
        afterAck.run(() -> homeTabs.opened(user));
        return ctx.ack();
    }
}
