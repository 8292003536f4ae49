package io.upgradebot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HumanActivityTest {

    private final HumanActivity rule = new HumanActivity("upgrade-bot[bot]", List.of("renovate-helper"));

    @Test
    void theBotsOwnWritesAreNotActivityWhicheverWayGitHubSpellsIt() {
        assertFalse(rule.isHuman(new HumanActivity.Event("upgrade-bot", true, Instant.EPOCH)), "GraphQL Bot login");
        assertFalse(rule.isHuman(new HumanActivity.Event("Upgrade-Bot[bot]", false, Instant.EPOCH)), "REST spelling");
        assertFalse(rule.isHuman(new HumanActivity.Event("dependabot", true, Instant.EPOCH)), "any app account");
        assertFalse(rule.isHuman(new HumanActivity.Event("renovate-helper", false, Instant.EPOCH)),
                "configured automation");
        assertFalse(rule.isHuman(new HumanActivity.Event(null, false, Instant.EPOCH)), "deleted account");
        assertTrue(rule.isHuman(new HumanActivity.Event("octocat", false, Instant.EPOCH)));
    }

    @Test
    void theLatestHumanEventWinsAndLaterBotEventsDoNotMoveIt() {
        Instant human = Instant.parse("2026-02-01T10:00:00Z");
        List<HumanActivity.Event> events = List.of(
                new HumanActivity.Event("octocat", false, Instant.parse("2026-01-05T10:00:00Z")),
                new HumanActivity.Event("hubot", false, human),
                new HumanActivity.Event("upgrade-bot", true, Instant.parse("2026-03-01T10:00:00Z")));
        assertEquals(Optional.of(human), rule.latest(events));
        assertEquals(Optional.empty(), rule.latest(List.of(new HumanActivity.Event("upgrade-bot", true, human))));
    }

    @Test
    void staleCountsFromCreationOrTheLastHumanActivity() {
        StaleRule fourteen = new StaleRule(14);
        Instant now = Instant.parse("2026-03-20T12:00:00Z");
        Instant created = Instant.parse("2026-03-01T12:00:00Z");
        assertTrue(fourteen.isStale(true, StaleRule.lastActivity(created), now), "19 days untouched since creation");
        assertFalse(fourteen.isStale(true, StaleRule.lastActivity(created, Instant.parse("2026-03-10T00:00:00Z")), now),
                "a comment 10 days ago");
        assertFalse(fourteen.isStale(false, StaleRule.lastActivity(created), now), "closed issues are never stale");
        assertEquals(19, StaleRule.idleDays(created, now));
    }
}
