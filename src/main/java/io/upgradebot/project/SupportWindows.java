package io.upgradebot.project;

import io.upgradebot.domain.SupportLookup;
import io.upgradebot.domain.SupportWindow;

/**
 * Where a product version's end of support comes from (endoflife.date in production), for the completion-date
 * suggestion. Never throws: an unknown product, or a source that is down or slow, gives an unknown window and the
 * person enters the date by hand.
 */
public interface SupportWindows {

    /** The support window of {@code product} at {@code version} ("django", "4.2"). */
    SupportWindow window(String product, String version);

    /**
     * Like {@link #window}, with every cycle of the product and why there are no dates when there are none (the
     * radar tells an unknown product from a source that did not answer). This default cannot tell them apart.
     */
    default SupportLookup lookup(String product, String version) {
        SupportWindow w = window(product, version);
        return new SupportLookup(w.support().isPresent()
                ? SupportLookup.Outcome.FOUND
                : SupportLookup.Outcome.UNAVAILABLE, w,
                w.support().map(java.util.List::of).orElse(java.util.List.of()));
    }
}
