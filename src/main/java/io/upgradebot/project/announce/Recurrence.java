package io.upgradebot.project.announce;

import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.quartz.CronExpression;

/**
 * Recurring schedules as Quartz cron expressions evaluated in a time zone (so "every Monday 09:30 Europe/Berlin"
 * stays 09:30 local across DST). People may type Quartz syntax (6-7 fields) or the classic 5-field Unix syntax.
 */
public final class Recurrence {

    private static final Pattern WEEKLY = Pattern.compile("0 (\\d{1,2}) (\\d{1,2}) \\? \\* ([A-Z,]+)");
    private static final String[] QUARTZ_DAYS = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

    private final String cron;
    private final ZoneId zone;
    private final CronExpression expression;

    private Recurrence(String cron, ZoneId zone) throws ParseException {
        this.cron = cron;
        this.zone = zone;
        this.expression = new CronExpression(cron);
        this.expression.setTimeZone(TimeZone.getTimeZone(zone));
    }

    /** A stored (already normalised) Quartz cron. */
    public static Recurrence of(String quartzCron, ZoneId zone) {
        try {
            return new Recurrence(quartzCron, zone);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a cron expression: " + quartzCron, e);
        }
    }

    /** Weekly on {@code days} at {@code time}. */
    public static Recurrence weekly(Set<DayOfWeek> days, LocalTime time, ZoneId zone) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("choose at least one day");
        }
        String dayList = EnumSet.copyOf(days).stream().map(d -> QUARTZ_DAYS[d.getValue() - 1])
                .collect(Collectors.joining(","));
        return of("0 " + time.getMinute() + " " + time.getHour() + " ? * " + dayList, zone);
    }

    /**
     * Parses what a person typed. Answers the problem in words when it is not a cron expression, or when it would
     * fire more often than {@code minInterval}.
     */
    public static Parsed parse(String typed, ZoneId zone, Duration minInterval, Instant now) {
        String text = typed == null ? "" : typed.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            return Parsed.error("Type a cron expression, e.g. `0 0 9 ? * MON` (Quartz) or `0 9 * * 1` (Unix).");
        }
        String[] fields = text.split(" ");
        String quartz;
        if (fields.length == 5) {
            quartz = fromUnix(fields);
        } else if (fields.length == 6 || fields.length == 7) {
            quartz = text;
        } else {
            return Parsed
                    .error("A cron expression has 5 (Unix) or 6-7 (Quartz) fields; this has " + fields.length + ".");
        }
        Recurrence r;
        try {
            r = new Recurrence(quartz, zone);
        } catch (ParseException | RuntimeException e) {
            return Parsed.error("Not a valid cron expression: " + e.getMessage());
        }
        Optional<Instant> first = r.nextAfter(now);
        if (first.isEmpty()) {
            return Parsed.error("This cron expression never fires after now.");
        }
        Optional<Instant> second = r.nextAfter(first.get());
        if (second.isPresent() && Duration.between(first.get(), second.get()).compareTo(minInterval) < 0) {
            return Parsed.error("This would post more often than every " + human(minInterval)
                    + " (next two: " + first.get() + ", " + second.get() + ").");
        }
        return new Parsed(r, null);
    }

    public record Parsed(Recurrence recurrence, String error) {
        static Parsed error(String message) {
            return new Parsed(null, message);
        }

        public boolean ok() {
            return recurrence != null;
        }
    }

    /** Unix: minute hour day-of-month month day-of-week (0/7 = Sunday) → Quartz with seconds and the '?' rule. */
    static String fromUnix(String[] f) {
        String dom = f[2];
        String dow = f[4];
        if (!dow.equals("*") && !dow.equals("?")) {
            dow = unixDays(dow);
            if (dom.equals("*")) {
                dom = "?";
            }
        } else {
            dow = "?";
            if (dom.equals("?")) {
                dom = "*";
            }
        }
        return "0 " + f[0] + " " + f[1] + " " + dom + " " + f[3] + " " + dow;
    }

    private static String unixDays(String dow) {
        // Unix counts Sunday as 0 (or 7), Quartz as 1: shift digits, keep names (MON-FRI) as they are.
        Matcher m = Pattern.compile("\\d+").matcher(dow);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group());
            m.appendReplacement(out, String.valueOf(n % 7 + 1));
        }
        m.appendTail(out);
        return out.toString();
    }

    public String cron() {
        return cron;
    }

    public ZoneId zone() {
        return zone;
    }

    public Optional<Instant> nextAfter(Instant t) {
        Date next = expression.getTimeAfter(Date.from(t));
        return Optional.ofNullable(next).map(Date::toInstant);
    }

    /**
     * The latest occurrence at or before {@code t}. A firing that Quartz runs late (a misfire after a restart runs
     * "now") still belongs to the occurrence it stands for; that occurrence names the firing, so it posts once.
     */
    public Optional<Instant> latestAtOrBefore(Instant t) {
        for (Duration window = Duration.ofHours(1); window.compareTo(Duration.ofDays(800)) <= 0; window = window
                .multipliedBy(4)) {
            Instant cursor = t.minus(window).minusMillis(1);
            Instant latest = null;
            Optional<Instant> next;
            while ((next = nextAfter(cursor)).isPresent() && !next.get().isAfter(t)) {
                latest = next.get();
                cursor = latest;
            }
            if (latest != null) {
                return Optional.of(latest);
            }
        }
        return Optional.empty();
    }

    /** "Every Mon, Thu at 09:30 (Europe/Berlin)" for weekly schedules, "Cron `…` (zone)" otherwise. */
    public String describe() {
        Matcher m = WEEKLY.matcher(cron);
        if (m.matches()) {
            List<String> days = new ArrayList<>();
            for (String d : m.group(3).split(",")) {
                int i = List.of(QUARTZ_DAYS).indexOf(d);
                if (i < 0) {
                    return "Cron `" + cron + "` (" + zone.getId() + ")";
                }
                days.add(DayOfWeek.of(i + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            }
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            return "Every " + String.join(", ", days) + " at " + time + " (" + zone.getId() + ")";
        }
        return "Cron `" + cron + "` (" + zone.getId() + ")";
    }

    static String human(Duration d) {
        if (d.toMinutes() % 60 == 0 && d.toHours() > 0) {
            return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
        }
        return d.toMinutes() + " minutes";
    }
}
