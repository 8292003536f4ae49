package io.upgradebot.project.ownerdoes;

import io.upgradebot.domain.Step;
import java.util.Set;
import java.util.stream.Collectors;

/** Steps as words for messages and comments ("review, merge"; "nothing" when none). */
final class OwnerDoesLevelText {

    private OwnerDoesLevelText() {
    }

    static String steps(Set<Step> steps) {
        return steps.isEmpty() ? "nothing" : steps.stream().map(Step::phrase).collect(Collectors.joining(", "));
    }
}
