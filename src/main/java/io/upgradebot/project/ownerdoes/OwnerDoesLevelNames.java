package io.upgradebot.project.ownerdoes;

import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.domain.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;

/** How the configured Owner Does levels are named, for reminders and digests (the six Open edX levels unless configured otherwise). */
@ApplicationScoped
public class OwnerDoesLevelNames {

    private final OwnerDoesLevels levels;

    public OwnerDoesLevelNames(Instance<OwnerDoesLevels> configured) {
        this.levels = configured.isResolvable() ? configured.get() : OwnerDoesLevels.defaults();
    }

    private Optional<OwnerDoesLevel> level(String key) {
        if (key == null || key.isBlank()) {
            return Optional.of(levels.tbd());
        }
        return levels.byKey(key).or(() -> levels.byLabel(key));
    }

    public boolean isTbd(String levelKey) {
        return level(levelKey).map(OwnerDoesLevel::isTbd).orElse(false);
    }

    public String label(String levelKey) {
        return level(levelKey).map(OwnerDoesLevel::label).orElse(levelKey);
    }

    public String canonical(String levelKey) {
        return level(levelKey).map(OwnerDoesLevel::key).orElse(levelKey);
    }

    public List<String> orderedKeys() {
        return levels.levels().stream().map(OwnerDoesLevel::key).toList();
    }

    public boolean ownerDoes(String levelKey, String stepKey) {
        Optional<Step> step = Step.find(stepKey);
        return step.isPresent() && level(levelKey).map(l -> l.ownerDoes(step.get())).orElse(false);
    }
}
