package io.upgradebot.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A suggested completion date for an upgrade project.
 *
 * @param date            the suggested date (a release branch-cut date); empty when a person must choose
 * @param release         the release the date belongs to (the roadmap issue's milestone), when one fits
 * @param reason          one or two sentences a person reads in the roadmap issue and the modal
 * @param needsManualDate true when the bot cannot suggest a date and the person must enter one
 */
public record CompletionSuggestion(Optional<LocalDate> date, Optional<Release> release, String reason,
        boolean needsManualDate) {

    static CompletionSuggestion of(Release release, String reason) {
        return new CompletionSuggestion(Optional.of(release.cutDate()), Optional.of(release), reason, false);
    }

    static CompletionSuggestion manual(Optional<Release> release, String reason) {
        return new CompletionSuggestion(Optional.empty(), release, reason, true);
    }
}
