package io.upgradebot.project.radar;

import io.upgradebot.domain.SupportLookup;
import java.time.LocalDate;

/**
 * One configured dependency on the radar: when support for the version in use ends, the completion date the
 * runbook's rule suggests, and whether an upgrade project already exists for it.
 *
 * @param product         endoflife.date product name ("django")
 * @param version         the version in use as configured ("4.2")
 * @param cycle           the endoflife.date cycle it belongs to ("4.2"); the configured version when unknown
 * @param displayName     "Django 4.2"
 * @param outcome         what endoflife.date answered
 * @param endOfSupport    the end-of-support date; null when unknown or not announced
 * @param ended           support has ended (also when endoflife.date gives no date for it)
 * @param completionDate  the suggested completion date; null when a person must pick one
 * @param release         the release (milestone) of that date; null when none fits
 * @param reason          why that date (the rule's sentences, for the roadmap issue)
 * @param daysLeft        days from today to the end of support (negative once it has passed); null when unknown
 * @param targetVersion   the newest supported cycle to upgrade to; null when unknown
 * @param project         the upgrade project that exists for it; null when none
 */
public record RadarRow(String product, String version, String cycle, String displayName,
        SupportLookup.Outcome outcome, LocalDate endOfSupport, boolean ended, LocalDate completionDate, String release,
        String reason, Long daysLeft, String targetVersion, ProjectRef project) {

    /** An upgrade project found for a row. */
    public record ProjectRef(long id, String slug, String name) {
    }

    /** Sort key of urgency: fewest days left first; ended without a date before everything; unknown is null. */
    Long urgency() {
        if (daysLeft != null) {
            return daysLeft;
        }
        return ended ? Long.MIN_VALUE : null;
    }

    /**
     * Whether support ends on or before {@code limit} (or has ended). The end of support, not the suggested date:
     * that is the last branch cut the calendar knows before it, which for a far end of support is only the last
     * cut published so far and would cry wolf.
     */
    public boolean crosses(LocalDate limit) {
        if (outcome != SupportLookup.Outcome.FOUND) {
            return false;
        }
        return ended || (endOfSupport != null && !endOfSupport.isAfter(limit));
    }

    /** The name a new project for it gets: "Django 5.2", or "Django 4.2 upgrade" when no target is known. */
    public String suggestedProjectName() {
        String base = displayName.endsWith(" " + cycle)
                ? displayName.substring(0, displayName.length() - cycle.length() - 1)
                : displayName;
        return targetVersion == null ? displayName + " upgrade" : base + " " + targetVersion;
    }
}
