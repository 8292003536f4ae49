package io.upgradebot.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An upgrade service level ("Owner Does" value): which of the six {@link Step}s the owning team does and which
 * the orchestration team does.
 *
 * <p>Usually the orchestration team does the complement of the owner's steps (the 3-argument constructor). The
 * Open edX table leaves some steps to nobody (at "Owner reviews" and "Owner offers advice" neither side is listed
 * for deploy and monitor), so both sets can be given, plus a note shown after the orchestration team's steps
 * ("(with notice)").
 *
 * @param key              stable slug used in storage, config and Slack values ("owner-reviews-and-merges")
 * @param label            the board's "Owner Does" option name, exactly ("Owner reviews and merges")
 * @param ownerSteps       what the owning team does
 * @param orchestratorSteps what the orchestration team does
 * @param orchestratorNote shown after the orchestration team's steps; empty when none
 */
public record OwnerDoesLevel(String key, String label, Set<Step> ownerSteps, Set<Step> orchestratorSteps,
        String orchestratorNote) {

    /** Key of the level every repository issue starts at until its owning team chooses. */
    public static final String TBD_KEY = "TBD";

    public OwnerDoesLevel {
        if (key == null || key.isBlank() || label == null || label.isBlank()) {
            throw new IllegalArgumentException("a service level needs a key and a label");
        }
        key = key.strip();
        label = label.strip();
        ownerSteps = ordered(ownerSteps);
        orchestratorSteps = ordered(orchestratorSteps);
        orchestratorNote = orchestratorNote == null ? "" : orchestratorNote.strip();
    }

    /** The orchestration team does every step the owning team does not. */
    public OwnerDoesLevel(String key, String label, Set<Step> ownerSteps) {
        this(key, label, ownerSteps, complement(ownerSteps), "");
    }

    /** "Not chosen yet": the value every repository issue starts with. */
    public static OwnerDoesLevel tbd() {
        return new OwnerDoesLevel(TBD_KEY, "TBD", Set.of(), Set.of(), "");
    }

    public boolean isTbd() {
        return TBD_KEY.equalsIgnoreCase(key);
    }

    /** "Owning team: review, merge · Orchestration team: plan & automate, create PRs". */
    public String explain() {
        if (isTbd()) {
            return "Not chosen yet: the owning team picks who does what for this repository.";
        }
        String orchestration = phrases(orchestratorSteps) + (orchestratorNote.isEmpty() ? "" : " " + orchestratorNote);
        return "Owning team: " + phrases(ownerSteps) + " · Orchestration team: " + orchestration;
    }

    /** Does the owning team do this step at this level? */
    public boolean ownerDoes(Step step) {
        return ownerSteps.contains(step);
    }

    static String phrases(Set<Step> steps) {
        return steps.isEmpty() ? "nothing" : steps.stream().map(Step::phrase).collect(Collectors.joining(", "));
    }

    static Set<Step> complement(Set<Step> steps) {
        return steps == null || steps.isEmpty()
                ? EnumSet.allOf(Step.class)
                : EnumSet.complementOf(EnumSet.copyOf(steps));
    }

    private static Set<Step> ordered(Set<Step> steps) {
        // EnumSet keeps the runbook's step order in every sentence the bot writes.
        return Collections
                .unmodifiableSet(steps == null || steps.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(steps));
    }
}
