package io.upgradebot.slack.api;

import com.google.gson.Gson;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import io.upgradebot.project.home.HomeTab;
import io.upgradebot.project.home.HomeTabPublisher;
import io.upgradebot.slack.view.HomeTabView;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Renders a Home tab with {@link HomeTabView} and publishes it with views.publish. */
@ApplicationScoped
public class SlackHomeTabPublisher implements HomeTabPublisher {

    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final SlackGateway slack;

    public SlackHomeTabPublisher(SlackGateway slack) {
        this.slack = slack;
    }

    /** SHA-256 of the view's JSON, as it would be sent. */
    @Override
    public String fingerprint(HomeTab tab) {
        View view = HomeTabView.of(tab);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(GSON.toJson(view).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    @Override
    public void publish(String userId, HomeTab tab) {
        slack.publishHome(userId, HomeTabView.of(tab));
    }
}
