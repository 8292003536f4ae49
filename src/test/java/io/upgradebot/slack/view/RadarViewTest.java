package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.LayoutBlock;
import io.upgradebot.domain.SupportLookup;
import io.upgradebot.project.radar.Radar;
import io.upgradebot.project.radar.RadarRow;
import io.upgradebot.support.BlockKitLimits;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RadarViewTest {

    static final LocalDate TODAY = LocalDate.parse("2029-12-01");
    static final com.google.gson.Gson GSON = com.slack.api.util.json.GsonFactory.createSnakeCase();

    static RadarRow row(String product, String reason) {
        return new RadarRow(product, "3.11", "3.11", "Python 3.11", SupportLookup.Outcome.FOUND,
                LocalDate.parse("2030-06-30"), false, LocalDate.parse("2030-04-22"), "Willow", reason, 211L, "3.13",
                null);
    }

    @Test
    void theButtonValueCarriesTheFormWithinSlacks2000Characters() {
        RadarView.Prefill p = RadarView.Prefill.of(row("python", "Python 3.11 support ends 2030-06-30 & \"soon\"."));
        RadarView.Prefill back = RadarView.Prefill.fromValue(p.toValue());
        assertEquals(p, back);
        assertEquals("Python 3.13", back.name());
        assertEquals(LocalDate.parse("2030-04-22"), back.suggestion().date());
        assertEquals("Willow", back.suggestion().release());

        String longReason = "\"<quoted>\" ".repeat(500); // grows when JSON-escaped
        String value = RadarView.Prefill.of(row("python", longReason)).toValue();
        assertTrue(value.length() <= RadarView.BUTTON_VALUE_MAX, "length " + value.length());
        assertTrue(RadarView.Prefill.fromValue(value).reason().startsWith("\"<quoted>\""));
    }

    @Test
    void aValueThatIsNotOursIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RadarView.Prefill.fromValue("42"));
        assertThrows(IllegalArgumentException.class, () -> RadarView.Prefill.fromValue("{not json"));
        assertThrows(IllegalArgumentException.class, () -> RadarView.Prefill.fromValue(null));
    }

    @Test
    void noConfiguredProductsSaysHowToConfigureThem() {
        Radar none = new Radar(false, TODAY, List.of());
        String text = io.upgradebot.support.SlackCalls.texts(GSON.toJson(RadarView.table(none)));
        assertTrue(text.contains("UPGRADE_BOT_RADAR_PRODUCTS") && text.contains("django=4.2"), text);
    }

    @Test
    void aLongTableAndALongPostStayWithinBlockKitLimits() {
        List<RadarRow> rows = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            rows.add(row("product" + i, "why ".repeat(400)));
        }
        List<LayoutBlock> table = RadarView.table(new Radar(true, TODAY, rows));
        BlockKitLimits.assertMessageJson(GSON.toJson(table));
        assertTrue(GSON.toJson(table).contains("more dependencies"));
        BlockKitLimits.assertMessageJson(GSON.toJson(RadarView.alert(rows.subList(0, 40), Period.ofMonths(12), TODAY)));
    }

    @Test
    void horizonsReadAsPeople() {
        assertEquals("12 months", RadarView.describe(Period.parse("P12M")));
        assertEquals("1 year and 6 months", RadarView.describe(Period.parse("P1Y6M")));
        assertEquals("90 days", RadarView.describe(Period.ofDays(90)));
    }
}
