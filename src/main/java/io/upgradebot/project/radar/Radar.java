package io.upgradebot.project.radar;

import java.time.LocalDate;
import java.util.List;

/**
 * The radar as {@code /upgrade radar} shows it: every configured dependency, most urgent first, rows whose end of
 * support is unknown last.
 *
 * @param configured false when no dependency is configured ({@code upgrade-bot.radar.products} unset)
 */
public record Radar(boolean configured, LocalDate today, List<RadarRow> rows) {
    public Radar {
        rows = List.copyOf(rows);
    }
}
