package io.upgradebot.project.announce;

import static io.upgradebot.support.ScheduleSeeds.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.MessageState;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.project.MessageTriggers;
import io.upgradebot.project.When;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.ScheduleSeeds;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every active project gets the runbook's moments, in its creator's time zone, following its completion date. */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class RunbookMomentsTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    RunbookMoments moments;
    @Inject
    ScheduledMessages messages;
    @Inject
    MessageTriggers triggers;

    UpgradeProjectEntity p;
    LocalDate completion;

    @BeforeEach
    void setUp() {
        Fakes.reset();
        ScheduleSeeds.slackUser("U0NEWYORK", "America/New_York");
        // 20 March of a year far enough ahead that even the 30-day reminder is in the future; US clocks move to
        // summer time on the second Sunday of March, between the 30-day and the 1-day reminder
        int year = LocalDate.now().getYear();
        completion = LocalDate.of(year, 3, 20);
        while (completion.minusDays(30).isBefore(LocalDate.now().plusDays(2))) {
            completion = completion.plusYears(1);
        }
        p = project("Moments " + System.nanoTime(), "C0MOMENTS", "1767000000.000100", completion, "U0NEWYORK");
    }

    @AfterEach
    void tearDown() {
        all().values().forEach(m -> triggers.unschedule(m.id));
    }

    private Map<String, ScheduledMessageEntity> all() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ScheduledMessageEntity.<ScheduledMessageEntity>list("projectId", p.id)
                        .stream().filter(m -> m.moment != null).collect(Collectors.toMap(m -> m.moment, m -> m)));
    }

    @Test
    void anActiveProjectGetsEveryMomentOnceInItsCreatorsTimeZone() {
        moments.sync(p.id);
        moments.sync(p.id);

        Map<String, ScheduledMessageEntity> m = all();
        assertEquals(List.of("ask", "at-risk-14", "at-risk-7", "deadline-1", "deadline-14", "deadline-30", "deadline-7",
                "digest", "tbd-reminder"), m.keySet().stream().sorted().toList());
        m.values().forEach(x -> assertEquals(MessageState.ACTIVE, x.state, x.moment));
        m.values().forEach(x -> assertEquals("America/New_York", x.timeZone, x.moment));

        // 10:00 in New York on each day: UTC-5 in February, UTC-4 once summer time has started
        Instant thirty = ZonedDateTime.of(completion.minusDays(30), LocalTime.of(10, 0), NEW_YORK).toInstant();
        Instant one = ZonedDateTime.of(completion.minusDays(1), LocalTime.of(10, 0), NEW_YORK).toInstant();
        assertEquals(thirty, m.get("deadline-30").runAt);
        assertEquals(15, thirty.atZone(ZoneId.of("UTC")).getHour());
        assertEquals(one, m.get("deadline-1").runAt);
        assertEquals(14, one.atZone(ZoneId.of("UTC")).getHour());
        assertEquals(Optional.of(one), triggers.nextFireTime(m.get("deadline-1").id), "the Quartz trigger is in place");

        assertEquals("THREAD", m.get("digest").target);
        assertEquals("0 0 10 ? * MON", m.get("digest").cron);
        Instant nextDigest = triggers.nextFireTime(m.get("digest").id).orElseThrow();
        assertEquals(java.time.DayOfWeek.MONDAY, nextDigest.atZone(NEW_YORK).getDayOfWeek());
        assertEquals(LocalTime.of(10, 0), nextDigest.atZone(NEW_YORK).toLocalTime());
        assertTrue(m.get("ask").runAt.isAfter(Instant.now().plusSeconds(6 * 86400)), "a week after creation");
    }

    @Test
    void datedMomentsFollowTheCompletionDateAndKeepAnEditedTimeOfDay() {
        moments.sync(p.id);
        ScheduledMessageEntity sevenDays = all().get("deadline-7");
        long draft = messages
                .saveDraft(new ScheduledMessages.Draft(p.id, sevenDays.id, "Last week!", MessageTarget.CHANNEL,
                        new When.DaysBefore(7, LocalTime.of(9, 0), NEW_YORK), "U0NEWYORK"));
        assertTrue(messages.confirm(draft, sevenDays.id).problem() == null);
        ScheduledMessageEntity atRisk = all().get("at-risk-7");
        assertTrue(messages.cancel(atRisk.id));

        LocalDate later = completion.plusDays(14);
        QuarkusTransaction.requiringNew()
                .run(() -> UpgradeProjectEntity.update("completionDate = ?1 where id = ?2", later, p.id));
        moments.sync(p.id);

        Map<String, ScheduledMessageEntity> m = all();
        Instant edited = ZonedDateTime.of(later.minusDays(7), LocalTime.of(9, 0), NEW_YORK).toInstant();
        assertEquals(edited, m.get("deadline-7").runAt);
        assertEquals("Last week!", m.get("deadline-7").text);
        assertEquals(Optional.of(edited), triggers.nextFireTime(m.get("deadline-7").id));
        assertEquals(ZonedDateTime.of(later.minusDays(14), LocalTime.of(10, 0), NEW_YORK).toInstant(),
                m.get("deadline-14").runAt);
        assertEquals(MessageState.CANCELLED, m.get("at-risk-7").state, "a cancelled moment stays cancelled");
        assertEquals(Optional.empty(), triggers.nextFireTime(m.get("at-risk-7").id));
    }

    @Test
    void aClosedProjectStopsItsMoments() {
        moments.sync(p.id);
        QuarkusTransaction.requiringNew().run(() -> UpgradeProjectEntity.update("state = ?1 where id = ?2",
                ProjectState.CLOSED, p.id));

        moments.sync(p.id);

        all().values().forEach(x -> {
            assertEquals(MessageState.DONE, x.state, x.moment);
            assertEquals(Optional.empty(), triggers.nextFireTime(x.id), x.moment);
        });
    }
}
