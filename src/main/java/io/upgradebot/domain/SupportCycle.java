package io.upgradebot.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One release cycle of a dependency as endoflife.date describes it ({@code GET /api/{product}.json} returns a
 * list of these).
 *
 * <p>endoflife.date's {@code eol} is either a date (support ends that day) or a boolean: {@code true} = support
 * has ended, date not given; {@code false} = no end announced. Exactly one of {@code eolDate} / {@code eolFlag}
 * is set when the source said anything.
 *
 * @param cycle       "4.2"
 * @param releaseDate first release of the cycle; null when absent
 * @param eolDate     end of support when given as a date; else null
 * @param eolFlag     end of support when given as a boolean; else null
 * @param latest      latest patch version, "4.2.16"; null when absent
 * @param lts         true when the cycle is a long-term-support one ({@code lts: true} or an LTS start date)
 */
public record SupportCycle(String cycle, LocalDate releaseDate, LocalDate eolDate, Boolean eolFlag, String latest,
        boolean lts) {

    public SupportCycle {
        if (cycle == null || cycle.isBlank()) {
            throw new IllegalArgumentException("a support cycle needs a name");
        }
    }

    /**
     * Reads one element of endoflife.date's JSON list, already turned into a map (Jackson's
     * {@code convertValue(node, Map.class)}), tolerating numbers where strings are expected and booleans where
     * dates are expected.
     *
     * @return empty when the element has no {@code cycle}
     */
    public static Optional<SupportCycle> fromFields(Map<String, ?> fields) {
        Object cycle = fields.get("cycle");
        if (cycle == null || cycle.toString().isBlank()) {
            return Optional.empty();
        }
        Object eol = fields.get("eol");
        LocalDate eolDate = eol instanceof String s ? date(s) : null;
        Boolean eolFlag = eol instanceof Boolean b ? b : null;
        Object lts = fields.get("lts");
        boolean isLts = Boolean.TRUE.equals(lts) || (lts instanceof String s && date(s) != null);
        Object latest = fields.get("latest");
        Object released = fields.get("releaseDate");
        return Optional.of(new SupportCycle(cycle.toString(), released instanceof String s ? date(s) : null,
                eolDate, eolFlag, latest == null ? null : latest.toString(), isLts));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** True when support has ended on {@code today}: {@code eol: true}, or an end date today or earlier. */
    public boolean hasEnded(LocalDate today) {
        return Boolean.TRUE.equals(eolFlag) || (eolDate != null && !eolDate.isAfter(today));
    }

    /**
     * The cycle a person means by {@code version}: an exact match ("4.2"), else ignoring a leading "v"
     * ("v18" -> "18"), else the longest cycle the version belongs to ("4.2.16" -> "4.2", "18.20.1" -> "18").
     */
    public static Optional<SupportCycle> find(List<SupportCycle> cycles, String version) {
        if (version == null || version.isBlank()) {
            return Optional.empty();
        }
        String v = version.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("v") && v.length() > 1 && Character.isDigit(v.charAt(1))) {
            v = v.substring(1);
        }
        String wanted = v;
        return cycles.stream().filter(c -> c.cycle().equalsIgnoreCase(wanted)).findFirst()
                .or(() -> cycles.stream()
                        .filter(c -> wanted.startsWith(c.cycle().toLowerCase(Locale.ROOT) + "."))
                        .max(Comparator.comparingInt(c -> c.cycle().length())));
    }
}
