package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.project.ChoiceNotifier;
import io.upgradebot.project.TeamAudience;
import io.upgradebot.project.ownerdoes.TbdRepositories;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnerDoesMessagesTest {

    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAnnouncementSaysWhatTheRunbookAsksAndMentionsTheTeams() throws Exception {
        List<ChoiceNotifier.TeamRepos> teams = List.of(
                new ChoiceNotifier.TeamRepos(
                        new TeamAudience("openedx/arch", Optional.of("S0ARCH"), List.of(), "config"), 3),
                new ChoiceNotifier.TeamRepos(
                        new TeamAudience("openedx/fe", Optional.empty(), List.of("U1", "U2"), "config"), 2),
                new ChoiceNotifier.TeamRepos(TeamAudience.unknown("openedx/misc"), 1));
        ChoiceNotifier.Announcement a = announcement(teams, 2);
        JsonNode blocks = JSON.readTree(SLACK_JSON.toJson(OwnerDoesMessages.announcement(a)));
        assertEquals(List.of(), io.upgradebot.support.BlockKitLimits.checkMessageBlocks(blocks));
        String json = blocks.toString();
        for (String expected : List.of("Django", "4.2", "5.2", "2026-04-23", "https://docs.example/upgrade",
                "<!subteam^S0ARCH> (3)", "<@U1> <@U2> (2)", "`openedx/misc` (1)", "2 repositories have no known owner",
                "Choose for my repositories", "ub.owner_does_open", "Owner reviews and merges")) {
            assertTrue(json.contains(expected), "announcement mentions " + expected + ": " + json);
        }
    }

    @Test
    void fourHundredTeamsStillFitOneMessage() throws Exception {
        List<ChoiceNotifier.TeamRepos> teams = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            teams.add(new ChoiceNotifier.TeamRepos(new TeamAudience("openedx/team-" + i, Optional.empty(),
                    List.of("U0000000" + i, "U1000000" + i), "config"), 1));
        }
        JsonNode blocks = JSON.readTree(SLACK_JSON.toJson(OwnerDoesMessages.announcement(announcement(teams, 100))));
        assertEquals(List.of(), io.upgradebot.support.BlockKitLimits.checkMessageBlocks(blocks));
        assertTrue(blocks.toString().contains("more teams"));
    }

    @Test
    void fiveHundredTbdRepositoriesFitTheEphemeralReply() throws Exception {
        List<TbdRepositories.Repository> repos = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            repos.add(new TbdRepositories.Repository("openedx/repository-number-" + i,
                    "https://github.com/openedx/repository-number-" + i + "/issues/12"));
        }
        String text = OwnerDoesMessages.tbd("Django 5.2",
                List.of(new TbdRepositories.Group("openedx/arch", repos.subList(0, 300)),
                        new TbdRepositories.Group(null, repos.subList(300, 500))));
        JsonNode blocks = JSON.readTree(SLACK_JSON.toJson(EphemeralReply.text(text).getBlocks()));
        assertEquals(List.of(), io.upgradebot.support.BlockKitLimits.checkMessageBlocks(blocks));
        assertTrue(blocks.toString().contains("repository-number-499"), "the last one is listed too");
        assertTrue(text.startsWith("*500 repositories of Django 5.2 still TBD*"));
    }

    private static ChoiceNotifier.Announcement announcement(List<ChoiceNotifier.TeamRepos> teams, int unknown) {
        return new ChoiceNotifier.Announcement(7, "Django 5.2", "C0UPGRADES", "Django", "4.2", "5.2",
                LocalDate.parse("2026-04-23"), "last branch cut (Verawood) before Django 4.2 support ends",
                "https://docs.example/upgrade", "https://github.com/openedx/platform-roadmap/issues/9", "Arch-BOM",
                teams.size() + unknown, teams, unknown, OwnerDoesLevels.defaults().choosable());
    }
}
