package io.upgradebot.project;

import io.upgradebot.domain.SupportWindow;

/**
 * Where a product version's end of support comes from (endoflife.date in production), for the completion-date
 * suggestion. Never throws: an unknown product, or a source that is down or slow, gives an unknown window and the
 * person enters the date by hand.
 */
public interface SupportWindows {

    /** The support window of {@code product} at {@code version} ("django", "4.2"). */
    SupportWindow window(String product, String version);
}
