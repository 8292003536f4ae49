package io.upgradebot.slack.api;

import io.upgradebot.project.AnnouncementPoster.PostFailed;
import io.upgradebot.project.RadarPoster;
import io.upgradebot.project.radar.RadarRow;
import io.upgradebot.slack.view.RadarView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/** {@link RadarPoster} over the {@link SlackGateway}; errors reported like {@link SlackAnnouncementPoster}'s. */
@ApplicationScoped
public class SlackRadarPoster implements RadarPoster {

    private final SlackGateway gateway;
    private final Clock clock;

    public SlackRadarPoster(SlackGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @Override
    public String post(String channel, List<RadarRow> rows, Period horizon, String deliveryKey) {
        try {
            return gateway.postMessage(channel, null, RadarView.alertText(rows, horizon),
                    RadarView.alert(rows, horizon, LocalDate.now(clock)), deliveryKey);
        } catch (SlackGateway.SlackException e) {
            throw new PostFailed(e.error(), e.error() != null && SlackAnnouncementPoster.PERMANENT.contains(e.error()),
                    "Slack refused the radar post: " + e.error(), e);
        } catch (RuntimeException e) {
            throw new PostFailed(null, false, "Slack could not be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> findPosted(String channel, String deliveryKey, Instant since) {
        try {
            return gateway.findDelivery(channel, null, deliveryKey, since);
        } catch (SlackGateway.SlackException e) {
            throw new PostFailed(e.error(), e.error() != null && SlackAnnouncementPoster.PERMANENT.contains(e.error()),
                    "Slack refused to show the channel's history: " + e.error(), e);
        } catch (RuntimeException e) {
            throw new PostFailed(null, false, "Slack could not be reached: " + e.getMessage(), e);
        }
    }
}
