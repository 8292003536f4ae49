package io.upgradebot.project.creation;

import java.time.LocalDate;

/**
 * What the bot suggests as a project's completion date, and why (runbook "Schedule the Completion Date"), as the
 * modal and the services pass it around.
 *
 * @param date            the suggested date; null when a person must pick one
 * @param release         the release (milestone) the date belongs to; null when none fits
 * @param reason          sentences for the roadmap issue ("explain why it was chosen")
 * @param needsManualDate true when endoflife.date or the calendar could not give a date
 * @param overlapWarning  runbook step 5 ("stagger the completion dates") when other active projects target the
 *                        same release; null otherwise
 */
public record DateSuggestion(LocalDate date, String release, String reason, boolean needsManualDate,
        String overlapWarning) {
}
