package io.upgradebot.slack.http;

import io.upgradebot.config.SlackSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The Slack side in {@code /q/health/ready}: which secrets are set and whether Socket Mode is connected. Always UP:
 * the bot is meant to run without Slack secrets (it refuses Slack requests), and a Socket Mode outage must not take
 * the HTTP endpoint out of a load balancer.
 */
@Readiness
@ApplicationScoped
public class SlackReadiness implements HealthCheck {

    private final SlackSecrets secrets;
    private final SocketModeConnection socketMode;

    public SlackReadiness(SlackSecrets secrets, SocketModeConnection socketMode) {
        this.secrets = secrets;
        this.socketMode = socketMode;
    }

    @Override
    public HealthCheckResponse call() {
        boolean appToken = secrets.appToken().filter(s -> !s.isBlank()).isPresent();
        return HealthCheckResponse.named("slack").up()
                .withData("signing-secret",
                        secrets.signingSecret().filter(s -> !s.isBlank()).isPresent() ? "set" : "missing")
                .withData("bot-token", secrets.botToken().filter(s -> !s.isBlank()).isPresent() ? "set" : "missing")
                .withData("socket-mode", !appToken ? "off" : socketMode.connected() ? "connected" : "connecting")
                .build();
    }
}
