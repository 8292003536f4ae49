package io.upgradebot.domain;

import java.util.Locale;

/**
 * Why GitHub says an issue was closed (its {@code state_reason}). A repository issue closed as "not planned" (the
 * repository did not need the upgrade, or was dropped) is not work done, so it is shown apart from "completed".
 * Stored by name.
 */
public enum CloseReason {
    COMPLETED, NOT_PLANNED, DUPLICATE;

    /** GitHub's {@code state_reason} ({@code completed}, {@code not_planned}, {@code duplicate}); null or unknown: completed. */
    public static CloseReason fromGitHub(String stateReason) {
        if (stateReason == null) {
            return COMPLETED;
        }
        return switch (stateReason.strip().toLowerCase(Locale.ROOT)) {
            case "not_planned" -> NOT_PLANNED;
            case "duplicate" -> DUPLICATE;
            default -> COMPLETED;
        };
    }

    /** Words for people: "completed", "not planned", "duplicate". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
