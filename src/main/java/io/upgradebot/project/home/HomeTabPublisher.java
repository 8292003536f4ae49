package io.upgradebot.project.home;

/**
 * Puts a {@link HomeTab} on a person's App Home (port owned by project/, implemented in slack/ by rendering with a
 * slack/view mapper and calling {@code views.publish}). Web API calls: after the ack only.
 *
 * <p>Failures: {@link #publish} throws (Slack's error after retries); the caller logs and tries again at the next
 * change.
 */
public interface HomeTabPublisher {

    /** A fingerprint of the view {@code tab} renders to: equal fingerprints mean identical views. */
    String fingerprint(HomeTab tab);

    void publish(String userId, HomeTab tab);
}
