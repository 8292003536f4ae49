package io.upgradebot.project;

import io.upgradebot.domain.Step;
import java.util.Set;
import java.util.stream.Collectors;

/** Steps as words for messages and comments ("review, merge"; "nothing" when none). */
final class ServiceLevelText {

    private ServiceLevelText() {
    }

    static String steps(Set<Step> steps) {
        return steps.isEmpty() ? "nothing" : steps.stream().map(Step::phrase).collect(Collectors.joining(", "));
    }
}
