package io.upgradebot.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The runbook's "Schedule the Completion Date" rule: the completion date is the last release branch-cut date
 * before support for the version in use ends.
 *
 * <p>Decisions where the runbook is silent:
 * <ul>
 * <li>Only cuts on or after today count: a cut already past cannot be met, so the suggestion is the last
 *     <em>future</em> cut strictly before the end of support.</li>
 * <li>When support ends before every future cut, no release can ship the upgrade in time; the next cut is
 *     suggested anyway (the earliest release that can carry it) and the reason says so.</li>
 * <li>Support already ended ({@code eol: true} or a past date): the next cut, "as soon as possible".</li>
 * <li>No end announced ({@code eol: false}), or endoflife.date does not know the version: a person must
 *     enter the date ({@code needsManualDate}), and the reason says why.</li>
 * <li>A release whose cut date is not published yet is never suggested as a date; when it may fall before the
 *     end of support the reason mentions it, and when it is the only candidate a manual date is asked for
 *     with that release as the milestone.</li>
 * </ul>
 * Reasons are sentences written for the roadmap issue (runbook: "explain why it was chosen").
 */
public final class CompletionDateRule {

    private CompletionDateRule() {
    }

    public static CompletionSuggestion suggest(LocalDate today, SupportWindow window, ReleaseCalendar calendar) {
        String name = window.displayName();
        Optional<SupportCycle> found = window.support();
        if (found.isEmpty()) {
            return CompletionSuggestion.manual(Optional.empty(), "endoflife.date has no support dates for " + name
                    + ", so its end of support is unknown: enter a completion date and explain why it was chosen.");
        }
        SupportCycle support = found.get();
        List<Release> futureCuts = calendar.publishedCutsFrom(today);
        // An unpublished release whose expected month is over is stale calendar data, not a candidate.
        List<Release> unpublished = calendar.releases().stream()
                .filter(r -> !r.isPublished() && !r.expected().atEndOfMonth().isBefore(today)).toList();

        if (support.hasEnded(today)) {
            String ended = support.eolDate() != null
                    ? name + " support ended on " + support.eolDate() + " (endoflife.date)"
                    : name + " support has already ended (endoflife.date)";
            if (!futureCuts.isEmpty()) {
                Release next = futureCuts.get(0);
                return CompletionSuggestion.of(next,
                        ended + "; upgrade as soon as possible: the next release branch cut is "
                                + next.describe() + ".");
            }
            return noPublishedCut(ended + "; upgrade as soon as possible", unpublished);
        }

        if (support.eolDate() == null) {
            return CompletionSuggestion.manual(Optional.empty(), name
                    + " has no announced end of support (endoflife.date): enter a completion date and explain why"
                    + " it was chosen, e.g. the branch cut of the release where the upgrade is most useful.");
        }

        LocalDate eol = support.eolDate();
        String ends = name + " support ends " + eol + " (endoflife.date)";
        Optional<Release> lastBeforeEol = futureCuts.stream().filter(r -> r.cutDate().isBefore(eol))
                .max(Comparator.comparing(Release::cutDate));
        if (lastBeforeEol.isPresent()) {
            Release last = lastBeforeEol.get();
            StringBuilder reason = new StringBuilder(ends).append("; the last release branch cut before that is ")
                    .append(last.describe()).append('.');
            unpublished.stream()
                    .filter(r -> r.expected().atDay(1).isBefore(eol)
                            && r.expected().isAfter(YearMonth.from(last.cutDate())))
                    .reduce((a, b) -> b)
                    .ifPresent(r -> reason.append(' ').append(r.name()).append(" (expected ").append(r.expected())
                            .append(") may also be cut before then: revisit the date once its cut date is published."));
            return CompletionSuggestion.of(last, reason.toString());
        }

        Optional<Release> unpublishedBeforeEol = unpublished.stream()
                .filter(r -> r.expected().atDay(1).isBefore(eol))
                .reduce((a, b) -> b);
        if (unpublishedBeforeEol.isPresent()) {
            Release r = unpublishedBeforeEol.get();
            return CompletionSuggestion.manual(unpublishedBeforeEol, ends + "; the last release before that is "
                    + r.describe() + ": enter a completion date until its cut date is published.");
        }
        if (!futureCuts.isEmpty()) {
            Release next = futureCuts.get(0);
            return CompletionSuggestion.of(next, ends + ", before the next release branch cut (" + next.describe()
                    + "): no release can ship the upgrade before support ends, so this is the earliest possible"
                    + " release; finish sooner if you can.");
        }
        return noPublishedCut(ends, unpublished);
    }

    private static CompletionSuggestion noPublishedCut(String lead, List<Release> unpublished) {
        if (!unpublished.isEmpty()) {
            Release next = unpublished.get(0);
            return CompletionSuggestion.manual(Optional.of(next), lead + ". The next release is " + next.describe()
                    + ": enter a completion date.");
        }
        return CompletionSuggestion.manual(Optional.empty(), lead
                + ". The release calendar has no branch cut after today: enter a completion date.");
    }

    /**
     * The runbook's step 5: "If other upgrade projects are slated for the same Open edX release, stagger the
     * completion dates if at all possible."
     *
     * @param otherProjectsTargetingIt names of the other active projects with the same milestone
     * @return "Also targeting Verawood: Python 3.12, React 19 — the runbook asks to stagger completion dates."
     */
    public static Optional<String> overlapWarning(Release target, List<String> otherProjectsTargetingIt) {
        if (target == null || otherProjectsTargetingIt == null || otherProjectsTargetingIt.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Also targeting " + target.name() + ": " + String.join(", ", otherProjectsTargetingIt)
                + " — the runbook asks to stagger completion dates.");
    }
}
