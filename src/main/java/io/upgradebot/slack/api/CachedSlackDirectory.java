package io.upgradebot.slack.api;

import io.upgradebot.project.SlackDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * {@link SlackDirectory} over the {@link SlackGateway}, with answers kept for five minutes: orchestrator checks run on
 * every command, often before the ack, and membership rarely changes within minutes. A Slack failure answers empty
 * (so nobody gains rights by an outage) and is not cached.
 */
@ApplicationScoped
public class CachedSlackDirectory implements SlackDirectory {

    private static final Logger LOG = Logger.getLogger(CachedSlackDirectory.class);
    static final Duration TTL = Duration.ofMinutes(5);

    private record Entry(Object value, long expiresAt) {
    }

    private final SlackGateway slack;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public CachedSlackDirectory(SlackGateway slack) {
        this.slack = slack;
    }

    @Override
    public Optional<Person> person(String userId) {
        return cached("user:" + userId, () -> slack.user(userId)
                .map(u -> new Person(u.id(), u.realName() != null && !u.realName().isBlank() ? u.realName() : u.name(),
                        u.email(), u.timeZone(), u.bot())),
                Optional.empty());
    }

    @Override
    public Optional<String> userIdByEmail(String email) {
        return cached("email:" + email.toLowerCase(), () -> slack.userIdByEmail(email), Optional.empty());
    }

    @Override
    public List<String> userGroupMembers(String userGroupId) {
        return cached("group:" + userGroupId, () -> slack.userGroupMembers(userGroupId), List.of());
    }

    @Override
    public List<String> channelMembers(String channelId) {
        return cached("channel:" + channelId, () -> slack.channelMembers(channelId), List.of());
    }

    /** Forgets every cached answer (tests; an operator changed a user group and wants it seen at once). */
    public void clear() {
        cache.clear();
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> load, T onFailure) {
        long now = System.nanoTime();
        Entry e = cache.get(key);
        if (e != null && e.expiresAt() - now > 0) {
            return (T) e.value();
        }
        try {
            T value = load.get();
            cache.put(key, new Entry(value, now + TTL.toNanos()));
            return value;
        } catch (RuntimeException ex) {
            LOG.warnf("Slack lookup %s failed: %s", key.substring(0, key.indexOf(':')), ex.getMessage());
            return onFailure;
        }
    }
}
