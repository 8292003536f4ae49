package io.upgradebot.project;

import java.util.List;

/** How the configured Owner Does levels are named, for reminders and digests. */
public interface LevelNames {

    boolean isTbd(String levelKey);

    /** The level's label ("Owner reviews and merges"); the key itself when it is not configured any more. */
    String label(String levelKey);

    /** The configured key a stored value stands for (stored values may differ in case). */
    String canonical(String levelKey);

    /** Every configured key, TBD first, in the order people see them. */
    List<String> orderedKeys();

    /**
     * Whether the owning team does the step ({@code create-prs}, {@code review}, {@code deploy} …) at this level; when
     * not, the orchestration team is the one to chase.
     */
    boolean ownerDoes(String levelKey, String stepKey);
}
