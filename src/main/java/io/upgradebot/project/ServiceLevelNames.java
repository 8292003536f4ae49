package io.upgradebot.project;

import io.upgradebot.domain.ServiceLevel;
import io.upgradebot.domain.ServiceLevels;
import io.upgradebot.domain.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;

/** How the configured Owner Does levels are named, for reminders and digests (the six Open edX levels unless configured otherwise). */
@ApplicationScoped
public class ServiceLevelNames {

    private final ServiceLevels levels;

    public ServiceLevelNames(Instance<ServiceLevels> configured) {
        this.levels = configured.isResolvable() ? configured.get() : ServiceLevels.defaults();
    }

    private Optional<ServiceLevel> level(String key) {
        if (key == null || key.isBlank()) {
            return Optional.of(levels.tbd());
        }
        return levels.byKey(key).or(() -> levels.byLabel(key));
    }

    public boolean isTbd(String levelKey) {
        return level(levelKey).map(ServiceLevel::isTbd).orElse(false);
    }

    public String label(String levelKey) {
        return level(levelKey).map(ServiceLevel::label).orElse(levelKey);
    }

    public String canonical(String levelKey) {
        return level(levelKey).map(ServiceLevel::key).orElse(levelKey);
    }

    public List<String> orderedKeys() {
        return levels.levels().stream().map(ServiceLevel::key).toList();
    }

    public boolean ownerDoes(String levelKey, String stepKey) {
        Optional<Step> step = Step.find(stepKey);
        return step.isPresent() && level(levelKey).map(l -> l.ownerDoes(step.get())).orElse(false);
    }
}
