package io.upgradebot.project.creation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.CompletionDateRule;
import io.upgradebot.domain.CompletionSuggestion;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.Release;
import io.upgradebot.domain.ReleaseCalendar;
import io.upgradebot.domain.SupportWindow;
import io.upgradebot.project.SupportWindows;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The runbook's "Schedule the Completion Date" for the modal and the services: when support for the version in
 * use ends (endoflife.date), the last release branch cut before it (the configured calendar), and the warning of
 * step 5 when other active projects target the same release.
 */
@ApplicationScoped
public class SuggestCompletionDate {

    private static final Logger LOG = Logger.getLogger(SuggestCompletionDate.class);

    private final SupportWindows endOfLife;
    private final ReleaseCalendar calendar;
    private final Clock clock;

    public SuggestCompletionDate(SupportWindows endOfLife, UpgradeBotConfig config, Clock clock) {
        this.endOfLife = endOfLife;
        this.calendar = calendarFrom(config);
        this.clock = clock;
    }

    private static ReleaseCalendar calendarFrom(UpgradeBotConfig config) {
        Optional<String> text = config.projects().releaseCalendar().filter(s -> !s.isBlank());
        if (text.isEmpty()) {
            return ReleaseCalendar.defaults();
        }
        try {
            return ReleaseCalendar.parse(text.get());
        } catch (IllegalArgumentException e) {
            // one clear line, and the bot keeps working with the documented defaults
            LOG.errorf("UPGRADE_BOT_PROJECTS_RELEASE_CALENDAR is not usable (%s); using the default calendar",
                    e.getMessage());
            return ReleaseCalendar.defaults();
        }
    }

    void onStart(@Observes StartupEvent ev) {
        LOG.debugf("release calendar: %s", calendar.format());
    }

    public ReleaseCalendar calendar() {
        return calendar;
    }

    /**
     * A suggestion for the version in use. Calls endoflife.date: never on a Slack request thread. A product or
     * version left empty, or a lookup that fails, answers a suggestion that asks for a manual date and says why.
     *
     * @param excludingProjectId the project being edited, not counted as "another project" (may be null)
     */
    public DateSuggestion suggest(String product, String version, Long excludingProjectId) {
        if (product == null || product.isBlank() || version == null || version.isBlank()) {
            return new DateSuggestion(null, null, "Fill the dependency (its endoflife.date name, e.g. django) and the "
                    + "version in use to get a suggestion, or pick a date and say why.", true, null);
        }
        SupportWindow window = endOfLife.window(product.strip().toLowerCase(java.util.Locale.ROOT), version.strip());
        CompletionSuggestion s = CompletionDateRule.suggest(LocalDate.now(clock), window, calendar);
        String release = s.release().map(Release::name).orElse(null);
        return new DateSuggestion(s.date().orElse(null), release, s.reason(), s.needsManualDate(),
                overlapWarning(release, excludingProjectId).orElse(null));
    }

    /** Runbook step 5: other projects being created or active that target {@code release}. */
    public Optional<String> overlapWarning(String release, Long excludingProjectId) {
        if (release == null || release.isBlank()) {
            return Optional.empty();
        }
        List<String> others = QuarkusTransaction.joiningExisting().call(() -> UpgradeProjectEntity
                .<UpgradeProjectEntity>list(
                        "lower(releaseName) = lower(?1) and state in ?2 and id <> ?3 order by createdAt",
                        release.strip(), List.of(ProjectState.CREATING, ProjectState.ACTIVE),
                        excludingProjectId == null ? -1L : excludingProjectId)
                .stream().map(p -> p.name + (p.completionDate == null ? "" : " (" + p.completionDate + ")")).toList());
        Release r = calendar.byName(release).orElse(Release.expected(release.strip(), YearMonth.now(clock)));
        return CompletionDateRule.overlapWarning(r, others);
    }
}
