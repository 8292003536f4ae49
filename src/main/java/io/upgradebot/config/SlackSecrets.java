package io.upgradebot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Slack credentials, named as Slack names them: SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_API_URL. */
@ConfigMapping(prefix = "slack")
public interface SlackSecrets {
    Optional<String> signingSecret();

    Optional<String> botToken();

    /** xapp-… token: when set, the app also runs over Socket Mode. */
    Optional<String> appToken();

    /** Web API base URL, ending in a slash. */
    @WithDefault("https://slack.com/api/")
    String apiUrl();
}
