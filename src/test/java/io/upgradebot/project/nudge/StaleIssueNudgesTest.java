package io.upgradebot.project.nudge;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.upgradebot.support.IssueActivityFixtures.answer;
import static io.upgradebot.support.IssueActivityFixtures.comment;
import static io.upgradebot.support.IssueActivityFixtures.issue;
import static io.upgradebot.support.ScheduleSeeds.postsTo;
import static io.upgradebot.support.ScheduleSeeds.project;
import static io.upgradebot.support.ScheduleSeeds.repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.config.NudgeConfig;
import io.upgradebot.config.ScheduleConfig;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.ProjectTeams;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.project.TeamContacts;
import io.upgradebot.project.ownerdoes.OwnerDoesLevelNames;
import io.upgradebot.store.NudgeLogEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.ScheduleSeeds;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stale-issue nudges against the GitHub fake (one batched GraphQL answer with stale and fresh issues, bot-authored
 * and human comments) and the Slack fake, run as of chosen instants (weekdays, weekends, evenings, a week later).
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class StaleIssueNudgesTest {

    static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");
    /** Tuesday 10:00 UTC: inside the default 09-17 working hours of the default zone (UTC). */
    static final Instant TUESDAY = Instant.parse("2026-03-10T10:00:00Z");

    @Inject
    StaleIssueNudges nudges;
    @Inject
    NudgeConfig config;
    @Inject
    ScheduleConfig schedule;
    @Inject
    UpgradeBotConfig botConfig;
    @Inject
    RepoActivity activity;
    @Inject
    OwnerDoesLevelNames levels;
    @Inject
    SlackDirectory directory;
    @Inject
    AnnouncementPoster poster;

    UpgradeProjectEntity p;
    String tag;

    @BeforeEach
    void setUp() {
        Fakes.reset();
        ScheduleSeeds.slackAcceptsPosts();
        QuarkusTransaction.requiringNew().run(() -> NudgeLogEntity.deleteAll());
        tag = Long.toString(System.nanoTime(), 36);
        p = project("Nudges " + tag, "C0NUDGE" + tag.toUpperCase(), "1767000000.000100", LocalDate.of(2026, 6, 1),
                "U0ORCH");
        repo(p.id, "acme/everything-" + tag, "team-a", "owner-does-everything", "N1" + tag, CREATED);
        repo(p.id, "acme/reviews-" + tag, "team-a", "owner-reviews", "N2" + tag, CREATED);
        repo(p.id, "acme/advice-" + tag, "team-b", "owner-offers-advice", "N3" + tag, CREATED);
        repo(p.id, "acme/undecided-" + tag, "team-b", "TBD", "N4" + tag, CREATED);
        repo(p.id, "acme/busy-" + tag, "team-a", "owner-does-everything", "N5" + tag, CREATED);
        repo(p.id, "acme/closed-" + tag, "team-a", "owner-does-everything", "N6" + tag, CREATED);
        repo(p.id, "acme/botonly-" + tag, "team-a", "owner-does-everything", "N7" + tag, CREATED);
        Fakes.github.stubFor(post(urlPathEqualTo("/graphql")).willReturn(okJson(answer("upgrade-bot", List.of(
                issue("N1" + tag, "acme/everything-" + tag, 1, true, CREATED, null),
                issue("N2" + tag, "acme/reviews-" + tag, 1, true, CREATED, "OPEN",
                        comment("octocat", false, Instant.parse("2026-02-01T10:00:00Z"))),
                issue("N3" + tag, "acme/advice-" + tag, 1, true, CREATED, null),
                issue("N4" + tag, "acme/undecided-" + tag, 1, true, CREATED, null),
                issue("N5" + tag, "acme/busy-" + tag, 1, true, CREATED, null,
                        comment("octocat", false, Instant.parse("2026-03-08T10:00:00Z"))),
                issue("N6" + tag, "acme/closed-" + tag, 1, false, CREATED, "MERGED"),
                issue("N7" + tag, "acme/botonly-" + tag, 1, true, CREATED, null,
                        comment("upgrade-bot", true, Instant.parse("2026-03-07T10:00:00Z")),
                        comment("dependabot", true, Instant.parse("2026-03-09T10:00:00Z")))),
                List.of()))));
    }

    private List<String> threadPosts() {
        return postsTo(p.channelId).stream().map(m -> m.get("blocks")).toList();
    }

    private static String postMentioning(List<String> posts, String what) {
        return posts.stream().filter(b -> b.contains(what)).findFirst()
                .orElseThrow(() -> new AssertionError("no nudge mentions " + what + " in " + posts));
    }

    @Test
    void eachResponsibleTeamGetsOneMessageListingAllItsStaleIssues() {
        long eligible = eligibleIssues();
        StaleIssueNudges.Report report = nudges.run(TUESDAY);

        assertEquals((eligible + 99) / 100, report.githubRequests(), "batched: ⌈N/100⌉ GraphQL requests");
        // the nudges' reads (a board write an earlier test left queued is a GraphQL mutation, not one of them)
        Fakes.github.verify(report.githubRequests(), postRequestedFor(urlPathEqualTo("/graphql"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("mutation")));
        List<String> posts = threadPosts();
        assertEquals(3, posts.size(), "team-a, team-b and the orchestration team: " + posts);
        postsTo(p.channelId)
                .forEach(m -> assertEquals(p.statusMessageTs, m.get("thread_ts"), "replies in the status thread"));

        String teamA = postMentioning(posts, "*team-a*");
        assertTrue(teamA.contains("acme/everything-" + tag) && teamA.contains("create the PRs"), teamA);
        assertTrue(teamA.contains("acme/reviews-" + tag) && teamA.contains("review the open PR"), teamA);
        assertTrue(teamA.contains("acme/botonly-" + tag),
                "the bot's and dependabot's comments are not activity: " + teamA);
        assertFalse(teamA.contains("acme/busy-" + tag), "a human comment 2 days ago");
        assertFalse(teamA.contains("acme/closed-" + tag), "closed");

        String teamB = postMentioning(posts, "*team-b*");
        assertTrue(teamB.contains("acme/undecided-" + tag) && teamB.contains("choose an Owner Does level"), teamB);
        assertFalse(teamB.contains("acme/advice-" + tag),
                "at 'Owner offers advice' the orchestration team creates the PRs");

        String orchestration = postMentioning(posts, "acme/advice-" + tag);
        assertTrue(orchestration.contains("orchestration team"), orchestration);

        assertEquals(RepoIssueState.CLOSED,
                QuarkusTransaction.requiringNew()
                        .call(() -> ProjectRepoEntity.find(p.id, "acme/closed-" + tag).orElseThrow().issueState),
                "what GitHub said is kept");
    }

    @Test
    void nobodyIsNudgedTwiceADayNorAboutTheSameIssueWithinTheCoolDown() {
        nudges.run(TUESDAY);
        int first = threadPosts().size();

        nudges.run(TUESDAY.plus(Duration.ofHours(2)));
        assertEquals(first, threadPosts().size(), "same day");

        StaleIssueNudges.Report wednesday = nudges.run(TUESDAY.plus(Duration.ofDays(1)));
        assertEquals(first, threadPosts().size(), "next day, inside the 7-day cool-down: " + wednesday.held());
        assertTrue(wednesday.held().stream().anyMatch(h -> h.contains("cool-down")), wednesday.held().toString());

        nudges.run(TUESDAY.plus(Duration.ofDays(7)));
        assertEquals(2 * first, threadPosts().size(), "a week later they are reminded again");
    }

    @Test
    void aProjectWithNudgesOffIsLeftAlone() {
        QuarkusTransaction.requiringNew()
                .run(() -> UpgradeProjectEntity.update("staleAfterDays = 0 where id = ?1", p.id));

        nudges.run(TUESDAY);

        assertEquals(0, threadPosts().size());
    }

    @Test
    void weekendsAndEveningsAreLeftAlone() {
        StaleIssueNudges.Report saturday = nudges.run(Instant.parse("2026-03-14T10:00:00Z"));
        StaleIssueNudges.Report evening = nudges.run(Instant.parse("2026-03-10T19:30:00Z"));

        assertEquals(0, threadPosts().size());
        assertTrue(saturday.nudged().isEmpty() && !saturday.held().isEmpty(), saturday.toString());
        assertTrue(evening.held().stream().allMatch(h -> h.contains("outside working hours")),
                evening.held().toString());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> NudgeLogEntity.count()),
                "held nudges are not logged");
    }

    @Test
    void inDmModeEachPersonGetsOneMessageInTheirOwnWorkingHours() {
        ScheduleSeeds.slackUser("U0ALICE", "Europe/Berlin");
        ScheduleSeeds.slackUser("U0BOB", "America/Los_Angeles");
        TeamContacts mapped = (team, org) -> "team-a".equals(team)
                ? new TeamContacts.Contact(team, null, List.of("U0ALICE", "U0BOB"))
                : new TeamContacts.Contact(team, null, List.of());
        StaleIssueNudges dm = new StaleIssueNudges(dmMode(config), schedule, activity,
                new ProjectTeams(mapped, botConfig),
                levels, directory, poster, Clock.systemUTC());

        StaleIssueNudges.Report report = dm.run(TUESDAY); // 11:00 in Berlin, 03:00 in Los Angeles

        assertTrue(report.nudged().stream().anyMatch(n -> n.startsWith("user:U0ALICE")), report.toString());
        assertTrue(
                report.held().stream().anyMatch(h -> h.startsWith("user:U0BOB") && h.contains("America/Los_Angeles")),
                report.toString());
        assertEquals(1, Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/conversations.open"))
                .withRequestBody(containing("U0ALICE"))).size(), "one DM to Alice");
        assertEquals(0, Fakes.slack.findAll(postRequestedFor(urlPathEqualTo("/api/conversations.open"))
                .withRequestBody(containing("U0BOB"))).size(), "none to Bob at 03:00 his time");
        List<Map<String, String>> teamA = postsTo("D0DMCHANNEL").stream()
                .filter(m -> m.get("blocks").contains("acme/everything-" + tag)).toList();
        assertEquals(1, teamA.size(), "team-a's stale issues in one message");
        assertTrue(teamA.get(0).get("blocks").contains("acme/reviews-" + tag)
                && teamA.get(0).get("blocks").contains("acme/botonly-" + tag));
    }

    private long eligibleIssues() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> active = UpgradeProjectEntity.<UpgradeProjectEntity>list("state", ProjectState.ACTIVE)
                    .stream().map(x -> x.id).toList();
            return ProjectRepoEntity.count("projectId in ?1 and inScope = true and issueNodeId is not null "
                    + "and (issueState is null or issueState <> ?2)", active, RepoIssueState.CLOSED);
        });
    }

    static NudgeConfig dmMode(NudgeConfig c) {
        return new NudgeConfig() {
            public boolean enabled() {
                return true;
            }
            public String cron() {
                return c.cron();
            }
            public int staleAfterDays() {
                return c.staleAfterDays();
            }
            public Duration coolDown() {
                return c.coolDown();
            }
            public Delivery delivery() {
                return Delivery.DM;
            }
            public LocalTime workStart() {
                return c.workStart();
            }
            public LocalTime workEnd() {
                return c.workEnd();
            }
            public List<DayOfWeek> workDays() {
                return c.workDays();
            }
            public Optional<List<String>> ignoredLogins() {
                return c.ignoredLogins();
            }
        };
    }
}
