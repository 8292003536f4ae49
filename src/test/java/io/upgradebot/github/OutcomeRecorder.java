package io.upgradebot.github;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Listens to {@link WriteOutcome} as a service would (synchronously, in the recording transaction). */
@Singleton
public class OutcomeRecorder {
    private final List<WriteOutcome> outcomes = new CopyOnWriteArrayList<>();
    private volatile String failForKey;

    void on(@Observes WriteOutcome outcome) {
        outcomes.add(outcome);
        if (outcome.key().equals(failForKey)) {
            throw new IllegalStateException("listener refuses " + outcome.key());
        }
    }

    List<WriteOutcome> forKey(String key) {
        return outcomes.stream().filter(o -> o.key().equals(key)).toList();
    }

    void failFor(String key) {
        failForKey = key;
    }

    void clear() {
        outcomes.clear();
        failForKey = null;
    }
}
