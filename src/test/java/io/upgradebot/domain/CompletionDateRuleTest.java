package io.upgradebot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompletionDateRuleTest {

    static final ReleaseCalendar CALENDAR = ReleaseCalendar.defaults();

    static SupportWindow django(String cycle, Object eol) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("cycle", cycle);
        fields.put("eol", eol);
        return new SupportWindow("django", cycle, SupportCycle.fromFields(fields));
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void the_completion_date_is_the_last_branch_cut_before_support_ends() {
        CompletionSuggestion s = CompletionDateRule.suggest(d("2025-06-01"), django("4.2", "2026-01-31"), CALENDAR);
        assertEquals(Optional.of(d("2025-10-30")), s.date());
        assertEquals("Ulmo", s.release().orElseThrow().name());
        assertFalse(s.needsManualDate());
        assertEquals("Django 4.2 support ends 2026-01-31 (endoflife.date); the last release branch cut before that"
                + " is Ulmo on 2025-10-30.", s.reason());
    }

    @Test
    void a_cut_on_the_end_of_support_day_is_too_late_and_a_cut_today_still_counts() {
        CompletionSuggestion onEol = CompletionDateRule.suggest(d("2025-01-01"), django("x", "2025-10-30"), CALENDAR);
        assertEquals("Teak", onEol.release().orElseThrow().name());
        CompletionSuggestion today = CompletionDateRule.suggest(d("2025-10-30"), django("x", "2026-01-01"), CALENDAR);
        assertEquals("Ulmo", today.release().orElseThrow().name());
    }

    @Test
    void cuts_already_in_the_past_are_never_suggested() {
        // Teak (2025-06-06) is before EOL but already past on 2025-07-01; Ulmo is the last cut that can be met.
        CompletionSuggestion s = CompletionDateRule.suggest(d("2025-07-01"), django("4.2", "2026-01-31"), CALENDAR);
        assertEquals("Ulmo", s.release().orElseThrow().name());
    }

    @Test
    void a_calendar_with_no_cut_before_eol_suggests_the_next_cut_and_says_it_is_late() {
        CompletionSuggestion s = CompletionDateRule.suggest(d("2025-11-15"), django("5.1", "2025-12-31"), CALENDAR);
        assertEquals(Optional.of(d("2026-04-23")), s.date());
        assertEquals("Verawood", s.release().orElseThrow().name());
        assertFalse(s.needsManualDate());
        assertEquals("Django 5.1 support ends 2025-12-31 (endoflife.date), before the next release branch cut"
                + " (Verawood on 2026-04-23): no release can ship the upgrade before support ends, so this is the"
                + " earliest possible release; finish sooner if you can.", s.reason());
    }

    @Test
    void eol_true_means_support_has_ended_so_the_next_cut_as_soon_as_possible() {
        CompletionSuggestion s = CompletionDateRule.suggest(d("2025-08-01"), django("3.2", true), CALENDAR);
        assertEquals(Optional.of(d("2025-10-30")), s.date());
        assertEquals("Django 3.2 support has already ended (endoflife.date); upgrade as soon as possible: the next"
                + " release branch cut is Ulmo on 2025-10-30.", s.reason());
    }

    @Test
    void an_eol_date_in_the_past_is_treated_like_eol_true_and_named() {
        CompletionSuggestion s = CompletionDateRule.suggest(d("2025-08-01"), django("3.2", "2024-04-01"), CALENDAR);
        assertEquals("Ulmo", s.release().orElseThrow().name());
        assertTrue(s.reason().startsWith("Django 3.2 support ended on 2024-04-01 (endoflife.date); upgrade as soon"));
    }

    @Test
    void eol_false_needs_a_manual_date() {
        CompletionSuggestion s = CompletionDateRule.suggest(d("2025-08-01"), django("5.2", false), CALENDAR);
        assertTrue(s.needsManualDate());
        assertTrue(s.date().isEmpty());
        assertTrue(s.reason().startsWith("Django 5.2 has no announced end of support (endoflife.date): enter a"
                + " completion date"), s.reason());
    }

    @Test
    void an_unknown_version_needs_a_manual_date() {
        CompletionSuggestion s = CompletionDateRule.suggest(d("2025-08-01"), SupportWindow.unknown("nodejs", "99"),
                CALENDAR);
        assertTrue(s.needsManualDate());
        assertEquals("endoflife.date has no support dates for Node.js 99, so its end of support is unknown: enter a"
                + " completion date and explain why it was chosen.", s.reason());
    }

    @Test
    void an_unpublished_release_that_may_land_before_eol_is_mentioned_but_not_guessed() {
        CompletionSuggestion s = CompletionDateRule.suggest(d("2025-11-01"), django("5.2", "2027-04-30"), CALENDAR);
        assertEquals("Verawood", s.release().orElseThrow().name());
        assertTrue(s.reason().endsWith("Willow (expected 2026-12) may also be cut before then: revisit the date once"
                + " its cut date is published."), s.reason());
    }

    @Test
    void when_only_an_unpublished_release_fits_the_milestone_is_known_but_the_date_is_manual() {
        CompletionSuggestion s = CompletionDateRule.suggest(d("2026-05-01"), django("5.2", "2027-04-30"), CALENDAR);
        assertTrue(s.needsManualDate());
        assertEquals("Willow", s.release().orElseThrow().name());
        assertEquals("Django 5.2 support ends 2027-04-30 (endoflife.date); the last release before that is Willow"
                + " (expected 2026-12, cut date not published yet): enter a completion date until its cut date is"
                + " published.", s.reason());
    }

    @Test
    void a_calendar_that_has_run_out_asks_for_a_date() {
        CompletionSuggestion s = CompletionDateRule.suggest(d("2027-02-01"), django("5.2", "2028-04-30"), CALENDAR);
        assertTrue(s.needsManualDate());
        assertTrue(s.release().isEmpty());
        assertTrue(s.reason().endsWith("The release calendar has no branch cut after today: enter a completion date."));
    }

    @Test
    void other_projects_on_the_same_release_raise_the_stagger_warning() {
        Release verawood = CALENDAR.byName("verawood").orElseThrow();
        assertEquals(Optional.of("Also targeting Verawood: Python 3.12, React 19 — the runbook asks to stagger"
                + " completion dates."),
                CompletionDateRule.overlapWarning(verawood, List.of("Python 3.12", "React 19")));
        assertEquals(Optional.empty(), CompletionDateRule.overlapWarning(verawood, List.of()));
    }

    @Test
    void the_default_calendar_is_the_open_edx_one() {
        assertEquals("Redwood=2024-05-09,Sumac=2024-10-24,Teak=2025-06-06,Ulmo=2025-10-30,Verawood=2026-04-23,"
                + "Willow=?2026-12", CALENDAR.format());
        assertEquals(YearMonth.of(2026, 12), CALENDAR.byName("Willow").orElseThrow().expected());
        assertFalse(CALENDAR.byName("Willow").orElseThrow().isPublished());
    }

    @Test
    void a_configured_calendar_is_parsed_in_any_order_and_round_trips() {
        ReleaseCalendar cal = ReleaseCalendar.parse(" Willow=?2026-12 ,\nRedwood=2024-05-09, Sumac=2024-10-24");
        assertEquals(List.of("Redwood", "Sumac", "Willow"), cal.releases().stream().map(Release::name).toList());
        assertEquals(cal, ReleaseCalendar.parse(cal.format()));
    }

    @Test
    void a_bad_calendar_entry_is_named_in_the_error() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReleaseCalendar.parse("Redwood=2024-05-09,Sumac=24/10/2024"));
        assertTrue(e.getMessage().contains("'Sumac=24/10/2024'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReleaseCalendar.parse("Redwood"));
        assertThrows(IllegalArgumentException.class, () -> ReleaseCalendar.parse("A=2024-01-01,a=2024-02-01"));
    }

    @Test
    void endoflife_cycles_are_read_with_eol_as_a_date_or_a_boolean() {
        SupportCycle dated = SupportCycle.fromFields(Map.of("cycle", "4.2", "releaseDate", "2023-04-03",
                "eol", "2026-04-30", "latest", "4.2.16", "lts", true)).orElseThrow();
        assertEquals(new SupportCycle("4.2", d("2023-04-03"), d("2026-04-30"), null, "4.2.16", true), dated);
        SupportCycle ended = SupportCycle.fromFields(Map.of("cycle", 2.7, "eol", true, "lts", false)).orElseThrow();
        assertEquals("2.7", ended.cycle());
        assertTrue(ended.hasEnded(d("2020-01-01")));
        SupportCycle open = SupportCycle.fromFields(Map.of("cycle", "5.2", "eol", false, "lts", "2025-04-02"))
                .orElseThrow();
        assertEquals(Boolean.FALSE, open.eolFlag());
        assertTrue(open.lts());
        assertFalse(open.hasEnded(d("2030-01-01")));
        assertTrue(SupportCycle.fromFields(Map.of("eol", true)).isEmpty());
    }

    @Test
    void the_cycle_is_found_from_the_version_a_person_types() {
        List<SupportCycle> cycles = List.of(
                new SupportCycle("18", null, null, true, null, true),
                new SupportCycle("4.2", null, null, true, null, true),
                new SupportCycle("4", null, null, true, null, false));
        assertEquals("4.2", SupportCycle.find(cycles, "4.2").orElseThrow().cycle());
        assertEquals("4.2", SupportCycle.find(cycles, "4.2.16").orElseThrow().cycle());
        assertEquals("18", SupportCycle.find(cycles, "v18").orElseThrow().cycle());
        assertEquals("18", SupportCycle.find(cycles, "18.20.1").orElseThrow().cycle());
        assertTrue(SupportCycle.find(cycles, "5.0").isEmpty());
        assertTrue(SupportCycle.find(cycles, "").isEmpty());
    }
}
