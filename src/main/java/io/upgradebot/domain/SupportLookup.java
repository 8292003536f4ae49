package io.upgradebot.domain;

import java.util.List;

/**
 * What a support-window source answered for one product version, and why it has no dates when it has none: the radar
 * shows "endoflife.date does not know this product" differently from "endoflife.date did not answer".
 *
 * @param window what the completion-date rule needs (empty support when not {@link Outcome#FOUND})
 * @param cycles every cycle of the product, newest first (empty unless the product is known)
 */
public record SupportLookup(Outcome outcome, SupportWindow window, List<SupportCycle> cycles) {

    public enum Outcome {
        /** the version's cycle was found */
        FOUND,
        /** the source knows the product but not this version */
        UNKNOWN_VERSION,
        /** the source does not know the product (endoflife.date answered 404) */
        UNKNOWN_PRODUCT,
        /** the source could not be asked or gave an unreadable answer */
        UNAVAILABLE
    }

    public SupportLookup {
        cycles = cycles == null ? List.of() : List.copyOf(cycles);
    }

    /**
     * The cycle to upgrade to: the newest one still supported on {@code today}, the newest LTS one when the version in
     * use is an LTS cycle (Django 4.2 LTS → 5.2 LTS rather than 6.0); null when none is newer than the one in use.
     */
    public String suggestedTarget(java.time.LocalDate today) {
        if (window.support().isEmpty()) {
            return null;
        }
        SupportCycle current = window.support().get();
        List<SupportCycle> newer = new java.util.ArrayList<>();
        for (SupportCycle c : cycles) {
            if (c.cycle().equals(current.cycle())) {
                break; // listed newest first: nothing after this is newer
            }
            if (!c.hasEnded(today)) {
                newer.add(c);
            }
        }
        return newer.stream().filter(c -> !current.lts() || c.lts()).findFirst()
                .or(() -> newer.stream().findFirst()).map(SupportCycle::cycle).orElse(null);
    }
}
