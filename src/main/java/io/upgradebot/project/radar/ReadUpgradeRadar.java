package io.upgradebot.project.radar;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.CompletionDateRule;
import io.upgradebot.domain.CompletionSuggestion;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RadarProducts;
import io.upgradebot.domain.Release;
import io.upgradebot.domain.SupportCycle;
import io.upgradebot.domain.SupportLookup;
import io.upgradebot.project.SupportWindows;
import io.upgradebot.project.creation.SuggestCompletionDate;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The runbook's "Identify the Need Early" for the configured dependencies: for each, when support for the version in
 * use ends (endoflife.date, cached), the completion date the runbook's rule suggests (the last release branch cut
 * before it), the days left, and whether an upgrade project exists for it. Calls endoflife.date: never on a Slack
 * request thread. One product that endoflife.date does not know, or an endoflife.date that does not answer, gives
 * that row its reason; the other rows are still there.
 */
@ApplicationScoped
public class ReadUpgradeRadar {

    private final RadarProductList configured;
    private final SupportWindows support;
    private final SuggestCompletionDate dates;
    private final Clock clock;

    public ReadUpgradeRadar(RadarProductList configured, SupportWindows support, SuggestCompletionDate dates,
            Clock clock) {
        this.configured = configured;
        this.support = support;
        this.dates = dates;
        this.clock = clock;
    }

    public Radar read() {
        LocalDate today = LocalDate.now(clock);
        RadarProducts products = configured.products();
        if (products.isEmpty()) {
            return new Radar(false, today, List.of());
        }
        List<ProjectFacts> projects = QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity
                .<UpgradeProjectEntity>list("state <> ?1 order by createdAt desc", ProjectState.PREVIEW).stream()
                .map(p -> new ProjectFacts(p.id, p.slug, p.name, p.dependency, p.currentVersion, p.state)).toList());
        List<RadarRow> rows = new ArrayList<>();
        for (RadarProducts.Entry e : products.entries()) {
            rows.add(row(e, today, projects));
        }
        rows.sort(Comparator.comparing(RadarRow::urgency, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(RadarRow::product));
        return new Radar(true, today, rows);
    }

    private RadarRow row(RadarProducts.Entry e, LocalDate today, List<ProjectFacts> projects) {
        SupportLookup lookup;
        try {
            lookup = support.lookup(e.product(), e.version());
        } catch (RuntimeException ex) {
            // the port promises not to throw; a row must not take the others down if it does
            lookup = new SupportLookup(SupportLookup.Outcome.UNAVAILABLE,
                    io.upgradebot.domain.SupportWindow.unknown(e.product(), e.version()), List.of());
        }
        String cycle = lookup.window().cycle();
        RadarRow.ProjectRef project = match(e.product(), cycle, projects).orElse(null);
        String display = lookup.window().displayName();
        if (lookup.outcome() != SupportLookup.Outcome.FOUND) {
            return new RadarRow(e.product(), e.version(), cycle, display, lookup.outcome(), null, false, null, null,
                    null, null, null, project);
        }
        SupportCycle c = lookup.window().support().orElseThrow();
        CompletionSuggestion s = CompletionDateRule.suggest(today, lookup.window(), dates.calendar());
        Long daysLeft = c.eolDate() == null ? null : ChronoUnit.DAYS.between(today, c.eolDate());
        return new RadarRow(e.product(), e.version(), cycle, display, lookup.outcome(), c.eolDate(),
                c.hasEnded(today), s.date().orElse(null), s.release().map(Release::name).orElse(null), s.reason(),
                daysLeft, lookup.suggestedTarget(today), project);
    }

    private record ProjectFacts(long id, String slug, String name, String dependency, String currentVersion,
            ProjectState state) {
    }

    /**
     * The project upgrading away from this version: its stored dependency is the product and its version in use
     * belongs to the cycle ("4.2.16" to "4.2"), or it stored no version. A project that stored no dependency counts
     * when it is still open and its name starts with the product ("Django 5.2" for django).
     */
    private static Optional<RadarRow.ProjectRef> match(String product, String cycle, List<ProjectFacts> projects) {
        Optional<ProjectFacts> byDependency = projects.stream()
                .filter(p -> p.dependency() != null && p.dependency().strip().equalsIgnoreCase(product))
                .filter(p -> p.currentVersion() == null || SupportCycle
                        .find(List.of(new SupportCycle(cycle, null, null, null, null, false)), p.currentVersion())
                        .isPresent())
                .findFirst();
        Optional<ProjectFacts> found = byDependency.or(() -> projects.stream()
                .filter(p -> p.dependency() == null && p.state() != ProjectState.CLOSED && p.name() != null)
                .filter(p -> firstWord(p.name()).equals(product)
                        || firstWord(p.name()).equals(firstWord(
                                new io.upgradebot.domain.SupportWindow(product, "", Optional.empty()).displayName())))
                .findFirst());
        return found.map(p -> new RadarRow.ProjectRef(p.id(), p.slug(), p.name()));
    }

    private static String firstWord(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        int space = t.indexOf(' ');
        return space < 0 ? t : t.substring(0, space);
    }
}
