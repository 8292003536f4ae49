package io.upgradebot.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The six steps of upgrading one repository that a service level splits between owning and orchestration team. */
public enum Step {
    PLAN_AND_AUTOMATE("plan", "Plan & Automate", "plan & automate"), CREATE_PRS("create-prs", "Create PRs",
            "create PRs"), REVIEW("review", "Review", "review"), MERGE("merge", "Merge",
                    "merge"), DEPLOY("deploy", "Deploy", "deploy"), MONITOR("monitor", "Monitor", "monitor");

    private final String key;
    private final String label;
    private final String phrase;

    Step(String key, String label, String phrase) {
        this.key = key;
        this.label = label;
        this.phrase = phrase;
    }

    /** Config key: plan, create-prs, review, merge, deploy, monitor. */
    public String key() {
        return key;
    }

    /** "Plan & Automate", as the Upgrade Service Levels page titles the step. */
    public String label() {
        return label;
    }

    /** "plan & automate", for use inside a sentence. */
    public String phrase() {
        return phrase;
    }

    /** By key, enum name or label, case-insensitively ("create-prs", "CREATE_PRS", "Create PRs"). */
    public static Optional<Step> find(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.key.equals(t) || s.name().toLowerCase(Locale.ROOT).equals(t)
                        || s.label.toLowerCase(Locale.ROOT).equals(t) || s.phrase.toLowerCase(Locale.ROOT).equals(t))
                .findFirst();
    }
}
