package io.upgradebot.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduled;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README gives the bot's own cron settings ({@code upgrade-bot.nudges.cron}, {@code upgrade-bot.radar.cron}) "in
 * UTC". A {@code @Scheduled} cron without a time zone follows the JVM's default zone, so the same setting would fire at
 * other hours on a machine set to another zone. Every cron job in schedule/ names UTC. Plain JUnit: no Quarkus boot.
 */
class CronJobsRunInUtcTest {

    @Test
    void everyScheduledCronInTheSchedulePackageIsReadInUtc() throws Exception {
        List<String> cronJobs = new ArrayList<>();
        List<String> notUtc = new ArrayList<>();
        for (Class<?> type : compiledClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                for (Scheduled s : m.getAnnotationsByType(Scheduled.class)) {
                    if (s.cron().isEmpty()) {
                        continue; // an interval ("every") has no zone
                    }
                    cronJobs.add(s.identity());
                    if (!"UTC".equals(s.timeZone())) {
                        notUtc.add(s.identity() + " (timeZone '" + s.timeZone() + "')");
                    }
                }
            }
        }

        assertTrue(cronJobs.containsAll(List.of("stale-issue-nudges", "upgrade-radar")),
                () -> "the scan must see the cron jobs: " + cronJobs);
        assertEquals(List.of(), notUtc, "cron jobs read in the JVM's default zone instead of UTC");
    }

    private static List<Class<?>> compiledClasses() throws IOException, ClassNotFoundException {
        Path dir = Path.of("target", "classes", "io", "upgradebot", "schedule");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String simple = f.getFileName().toString().replace(".class", "");
                out.add(Class.forName("io.upgradebot.schedule." + simple, false,
                        CronJobsRunInUtcTest.class.getClassLoader()));
            }
        }
        return out;
    }
}
