package io.upgradebot.github;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the write queue reports to the services (for progress messages in Slack). */
public record WriteQueueState(long pending, long running, long done, long failed, Optional<Instant> throttledUntil,
        Optional<String> throttleReason, List<Failure> failures) {

    public record Failure(String key, WriteKind kind, String error) {
    }

    public long total() {
        return pending + running + done + failed;
    }

    public boolean finished() {
        return pending == 0 && running == 0;
    }
}
