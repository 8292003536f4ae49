package io.upgradebot.project.announce;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.upgradebot.support.IssueActivityFixtures.answer;
import static io.upgradebot.support.IssueActivityFixtures.comment;
import static io.upgradebot.support.IssueActivityFixtures.issue;
import static io.upgradebot.support.ScheduleSeeds.message;
import static io.upgradebot.support.ScheduleSeeds.project;
import static io.upgradebot.support.ScheduleSeeds.repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.slack.view.PostTexts;
import io.upgradebot.store.OwnerDoesChoiceEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Fakes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the runbook's moments say when they fire, from the project's state at that instant. */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class MomentComposerTest {

    static final Instant CREATED = Instant.parse("2026-04-01T09:00:00Z");
    /** A week and a day after the issues were created; one of them was closed the day after. */
    static final Instant NOW = Instant.parse("2026-04-09T08:00:00Z");

    @Inject
    MomentComposer composer;

    UpgradeProjectEntity p;
    ProjectRepoEntity done;
    ProjectRepoEntity undecided;
    ProjectRepoEntity idle;
    String tag;

    @BeforeEach
    void setUp() {
        Fakes.reset();
        tag = Long.toString(System.nanoTime(), 36);
        p = project("Django 5.2 " + tag, "C0COMPOSE", "1767000000.000100", LocalDate.of(2026, 4, 16), "U0ORCH");
        done = repo(p.id, "acme/done-" + tag, "team-a", "owner-reviews-and-merges", "M1" + tag, CREATED);
        undecided = repo(p.id, "acme/undecided-" + tag, "team-b", "TBD", "M2" + tag, CREATED);
        idle = repo(p.id, "acme/idle-" + tag, null, "owner-offers-advice", "M3" + tag, CREATED);
        QuarkusTransaction.requiringNew().run(() -> {
            OwnerDoesChoiceEntity c = new OwnerDoesChoiceEntity();
            c.projectRepoId = done.id;
            c.fromLevel = "TBD";
            c.toLevel = "owner-reviews-and-merges";
            c.chosenBy = "U0ALICE";
            c.via = "SLACK";
            c.chosenAt = NOW.minus(Duration.ofDays(2));
            c.persist();
        });
        Fakes.github.stubFor(post(urlPathEqualTo("/graphql")).willReturn(okJson(answer("upgrade-bot", List.of(
                issue("M1" + tag, "acme/done-" + tag, 1, false, CREATED, "MERGED"),
                issue("M2" + tag, "acme/undecided-" + tag, 1, true, CREATED, null,
                        comment("octocat", false, NOW.minus(Duration.ofDays(1)))),
                issue("M3" + tag, "acme/idle-" + tag, 1, true, Instant.parse("2026-03-01T09:00:00Z"), null)),
                List.of()))));
    }

    private Composition compose(String kind, Instant runAt, String cron, Integer daysBefore) {
        ScheduledMessageEntity m = message(p.id, kind, null, null, runAt, cron, "Europe/Berlin", "U0ORCH");
        if (daysBefore != null || "DIGEST".equals(kind)) {
            QuarkusTransaction.requiringNew().run(() -> ScheduledMessageEntity.update(
                    "daysBefore = ?1, target = ?2 where id = ?3", daysBefore,
                    "DIGEST".equals(kind) ? "THREAD" : "CHANNEL", m.id));
        }
        return composer.compose(m.id, runAt == null ? NOW : runAt, NOW);
    }

    @Test
    void theTbdReminderNamesTheOwnersStillToChooseAndStopsWhenNoneAreLeft() {
        Composition c = compose("TBD_REMINDER", null, "0 0 10 ? * WED", null);

        Composition.Send send = assertInstanceOf(Composition.Send.class, c);
        assertEquals("C0COMPOSE", send.channel());
        assertTrue(PostTexts.mrkdwn(send.post().content()).contains("1 of 3 repositories"),
                PostTexts.mrkdwn(send.post().content()));
        assertTrue(PostTexts.mrkdwn(send.post().content()).contains("*team-b*")
                && PostTexts.mrkdwn(send.post().content()).contains("acme/undecided-" + tag));
        assertFalse(PostTexts.mrkdwn(send.post().content()).contains("acme/done-" + tag));
        assertTrue(send.post().buttons().stream().anyMatch(b -> b.chooseLevelsOfProject() != null));

        QuarkusTransaction.requiringNew()
                .run(() -> ProjectRepoEntity.update("ownerDoes = 'owner-reviews' where id = ?1", undecided.id));
        Composition.Skip skip = assertInstanceOf(Composition.Skip.class,
                compose("TBD_REMINDER", null, "0 0 10 ? * WED", null));
        assertTrue(skip.finished(), "weekly until none is TBD");
    }

    @Test
    void ownersAreMentionedAsTheOwnerDoesMappingReachesThem() {
        repo(p.id, "openedx/arch-repo-" + tag, "openedx/arch", "TBD", "M4" + tag, CREATED);

        Composition.Send send = assertInstanceOf(Composition.Send.class,
                compose("TBD_REMINDER", null, "0 0 10 ? * WED", null));

        assertTrue(
                PostTexts.mrkdwn(send.post().content())
                        .contains("<!subteam^S0ARCH> (openedx/arch): <https://github.com/openedx/arch-repo-" + tag),
                PostTexts.mrkdwn(send.post().content()));
    }

    @Test
    void theServiceLevelRequestIsPostedByItsServiceUnlessEveryoneHasChosen() {
        assertInstanceOf(Composition.Delegate.class, compose("ASK", NOW, null, null));

        QuarkusTransaction.requiringNew()
                .run(() -> ProjectRepoEntity.update("ownerDoes = 'owner-reviews' where id = ?1", undecided.id));
        assertTrue(assertInstanceOf(Composition.Skip.class, compose("ASK", NOW, null, null)).finished());
    }

    @Test
    void aDeadlineReminderCountsDaysInTheProjectZoneAndOnlyTheLatestDueOneIsPosted() {
        QuarkusTransaction.requiringNew()
                .run(() -> ProjectRepoEntity.update("issueState = ?1 where id = ?2", RepoIssueState.CLOSED, done.id));
        Instant sevenBefore = Instant.parse("2026-04-09T08:00:00Z"); // 10:00 Berlin, 7 days before 16 April
        Composition.Send send = assertInstanceOf(Composition.Send.class,
                compose("DEADLINE_REMINDER", sevenBefore, null, 7));
        assertTrue(PostTexts.mrkdwn(send.post().content()).contains("7 days left"),
                PostTexts.mrkdwn(send.post().content()));
        assertTrue(PostTexts.mrkdwn(send.post().content()).contains("Done: 1 of 3 repositories (33%)"),
                PostTexts.mrkdwn(send.post().content()));
        assertTrue(PostTexts.mrkdwn(send.post().content()).contains("still TBD: 1"),
                PostTexts.mrkdwn(send.post().content()));

        // came back from a long outage: the 14-day reminder is overdue but the 7-day one is due as well
        Composition older = compose("DEADLINE_REMINDER", Instant.parse("2026-04-02T08:00:00Z"), null, 14);
        assertInstanceOf(Composition.Skip.class, older);
    }

    @Test
    void theDigestShowsProgressPerLevelAndWhatChangedThisWeek() {
        Composition.Send send = assertInstanceOf(Composition.Send.class,
                compose("DIGEST", null, "0 0 10 ? * MON", null));
        String text = PostTexts.mrkdwn(send.post().content());

        assertEquals("1767000000.000100", send.threadTs(), "in the status message's thread");
        assertTrue(text.contains("1 of 3 done (33%)") && text.contains("2 open"), text);
        assertTrue(text.contains("1 stale"), "acme/idle has had no activity since March: " + text);
        assertTrue(text.contains("Owner reviews and merges: 1 / 1"), text);
        assertTrue(text.contains("TBD: 0 / 1"), text);
        assertTrue(text.contains("Done: <https://github.com/acme/done-" + tag + "/issues/1|acme/done-" + tag + ">"),
                text);
        assertTrue(text.contains("acme/done-" + tag + " → Owner reviews and merges (<@U0ALICE>)"), text);
        assertEquals(RepoIssueState.CLOSED, QuarkusTransaction.requiringNew()
                .call(() -> ProjectRepoEntity.<ProjectRepoEntity>findById(done.id).issueState));
    }

    @Test
    void atRiskRepositoriesGoToTheOrchestrationTeamWithTheReason() {
        Composition.Send send = assertInstanceOf(Composition.Send.class, compose("AT_RISK", NOW, null, 7));
        String text = PostTexts.mrkdwn(send.post().content());

        assertTrue(text.contains("2 repositories are at risk"), text);
        assertTrue(text.contains("acme/undecided-" + tag + ">: still TBD (owner: team-b)"), text);
        assertTrue(
                text.contains("acme/idle-" + tag + ">: no activity for 38 days (owner: unknown, Owner offers advice)"),
                text);
        assertFalse(text.contains("acme/done-" + tag), "closed");
    }
}
