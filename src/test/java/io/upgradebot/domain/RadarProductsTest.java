package io.upgradebot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RadarProductsTest {

    @Test
    void readsTheIssuesExampleInOrder() {
        RadarProducts p = RadarProducts.parse("django=4.2, python=3.11, nodejs=20, react=18, ubuntu=22.04, mysql=8.0");
        assertEquals(List.of(new RadarProducts.Entry("django", "4.2"), new RadarProducts.Entry("python", "3.11"),
                new RadarProducts.Entry("nodejs", "20"), new RadarProducts.Entry("react", "18"),
                new RadarProducts.Entry("ubuntu", "22.04"), new RadarProducts.Entry("mysql", "8.0")), p.entries());
    }

    @Test
    void blankIsAnEmptyListAndSpacesNewLinesAndCaseAreTolerated() {
        assertTrue(RadarProducts.parse("  ").isEmpty());
        assertTrue(RadarProducts.parse(null).isEmpty());
        assertEquals(List.of(new RadarProducts.Entry("django", "4.2"), new RadarProducts.Entry("amazon-linux", "2")),
                RadarProducts.parse(" Django = 4.2 ;\namazon-linux=2,").entries());
    }

    @Test
    void aMalformedValueNamesEveryBadEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RadarProducts.parse("django 4.2, python=, node js=20, react=18, react=19"));
        assertTrue(e.getMessage().contains("'django 4.2' has no '='"), e.getMessage());
        assertTrue(e.getMessage().contains("'' is not a version"), e.getMessage());
        assertTrue(e.getMessage().contains("'node js' is not an endoflife.date product name"), e.getMessage());
        assertTrue(e.getMessage().contains("'react' is listed twice"), e.getMessage());
    }

    static SupportCycle cycle(String name, Object eol, Object lts) {
        return SupportCycle.fromFields(lts == null
                ? Map.of("cycle", name, "eol", eol)
                : Map.of("cycle", name, "eol", eol, "lts", lts)).orElseThrow();
    }

    @Test
    void theTargetIsTheNewestSupportedCycleAndAnLtsForAnLts() {
        LocalDate today = LocalDate.parse("2026-01-01");
        List<SupportCycle> django = List.of(cycle("6.0", "2027-04-30", false), cycle("5.2", "2028-04-30", true),
                cycle("5.1", "2025-12-31", false), cycle("4.2", "2026-04-30", true));
        SupportLookup lts = new SupportLookup(SupportLookup.Outcome.FOUND,
                new SupportWindow("django", "4.2", Optional.of(django.get(3))), django);
        assertEquals("5.2", lts.suggestedTarget(today));
        SupportLookup plain = new SupportLookup(SupportLookup.Outcome.FOUND,
                new SupportWindow("django", "5.1", Optional.of(django.get(2))), django);
        assertEquals("6.0", plain.suggestedTarget(today));
        SupportLookup newest = new SupportLookup(SupportLookup.Outcome.FOUND,
                new SupportWindow("django", "6.0", Optional.of(django.get(0))), django);
        assertNull(newest.suggestedTarget(today));
    }
}
