package io.upgradebot.project.creation;

import static io.upgradebot.support.SlackSigner.command;
import static io.upgradebot.support.SlackSigner.interaction;
import static io.upgradebot.support.SlackSigner.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.GitHubFake;
import io.upgradebot.support.NewProjectForm;
import io.upgradebot.support.SlackCalls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With a roadmap board configured, the roadmap issue lands on it (runbook: "Add it to the roadmap board"). */
@QuarkusTest
@TestProfile(RoadmapBoardTest.WithRoadmapBoard.class)
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class RoadmapBoardTest {

    public static class WithRoadmapBoard implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("upgrade-bot.roadmap-board.org", "openedx",
                    "upgrade-bot.roadmap-board.number", "52",
                    "upgrade-bot.roadmap-board.fields", "Status=Backlog,Type=Maintenance");
        }
    }

    GitHubFake github;
    GitHubFake.BoardState roadmapBoard;

    @BeforeEach
    void freshFakes() {
        Fakes.reset();
        github = GitHubFake.install();
        github.addMaintenanceBoard();
        Map<String, List<String>> roadmapFields = new LinkedHashMap<>();
        roadmapFields.put("Status", List.of("Backlog", "Next", "Now"));
        roadmapFields.put("Type", List.of("Feature", "Maintenance"));
        roadmapBoard = github.addBoard("openedx", 52, "Roadmap", roadmapFields);
    }

    @Test
    void theRoadmapIssueIsOnTheRoadmapBoardWithItsValuesAndItsChecklistItemTicked() {
        postForm(command("new Django 4.2 -> 5.2", UpgradeNewTest.ORCH, "C0UPGRADES", UpgradeNewTest.trigger()))
                .statusCode(200);
        NewProjectForm form = new NewProjectForm().name("Django 5.2 roadmap board");
        form.repos = "openedx/edx-platform";
        postForm(interaction(form.payload())).statusCode(200);

        UpgradeNewTest.awaitState("django-5-2-roadmap-board", ProjectState.ACTIVE);
        io.upgradebot.support.Eventually.await(UpgradeNewTest.DONE, "the roadmap board's values",
                () -> roadmapBoard.items.size() == 1 && roadmapBoard.items.keySet().stream()
                        .allMatch(item -> roadmapBoard.value(item, "Type") != null));

        JsonNode roadmap = github.issues(UpgradeNewTest.ROADMAP).get(0);
        String item = roadmapBoard.items.keySet().iterator().next();
        assertEquals(roadmap.path("node_id").asText(), roadmapBoard.items.get(item), "the roadmap issue is the item");
        assertEquals("Backlog", roadmapBoard.value(item, "Status"));
        assertEquals("Maintenance", roadmapBoard.value(item, "Type"));
        assertEquals(List.of("Backlog", "Next", "Now"),
                roadmapBoard.field("Status").options.stream().map(GitHubFake.OptionState::name).toList(),
                "no option added to the roadmap board");
        assertTrue(roadmap.path("body").asText().contains("- [x] Add the roadmap issue to the Backlog column"),
                "the runbook item is ticked: " + roadmap.path("body").asText());
        assertEquals(1, github.board("openedx", 51).items.size(), "the repository issue is on the maintenance board");
        SlackCalls.assertAllWithinBlockKitLimits();
    }
}
