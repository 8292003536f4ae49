package io.upgradebot.project;

import java.util.List;
import java.util.Optional;

/**
 * Who is who in Slack, as the services need it (port owned by project/, implemented in slack/ over the
 * SlackGateway). Answers from a short-lived cache are fine; failures answer empty rather than throw.
 */
public interface SlackDirectory {

    record Person(String userId, String name, String email, String timeZone, boolean bot) {
    }

    Optional<Person> person(String userId);

    Optional<String> userIdByEmail(String email);

    List<String> userGroupMembers(String userGroupId);

    List<String> channelMembers(String channelId);
}
