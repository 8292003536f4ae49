package io.upgradebot.project;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Until the configured service levels are available: TBD is known, other levels are shown by their stored value. */
@ApplicationScoped
@DefaultBean
public class TbdOnlyLevelNames implements LevelNames {
    @Override
    public boolean isTbd(String levelKey) {
        return levelKey == null || levelKey.isBlank() || "TBD".equalsIgnoreCase(levelKey);
    }

    @Override
    public String label(String levelKey) {
        return isTbd(levelKey) ? "TBD" : levelKey;
    }

    @Override
    public String canonical(String levelKey) {
        return isTbd(levelKey) ? "TBD" : levelKey;
    }

    @Override
    public List<String> orderedKeys() {
        return List.of("TBD");
    }

    @Override
    public boolean ownerDoes(String levelKey, String stepKey) {
        return false;
    }
}
