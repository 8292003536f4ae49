package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.project.home.HomeTab;
import io.upgradebot.project.home.ShowHomeTab;
import io.upgradebot.support.BlockKitLimits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Home tab at its fullest still fits Block Kit, and renders the same JSON for the same data. */
class HomeTabViewTest {

    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOrchestratorWithEveryListFullStaysWithinTheLimits() throws Exception {
        HomeTab full = fullest(5);
        JsonNode view = JSON.readTree(SLACK_JSON.toJson(HomeTabView.of(full)));
        assertEquals(List.of(), BlockKitLimits.checkView(view));
        assertEquals(61, view.path("blocks").size(), "the most blocks the tab can have (documented)");
        String texts = view.toString();
        assertTrue(texts.contains("page 6 of 17"), texts);
        assertTrue(texts.matches("(?s).*…and 4\\d\\d more.*"), "stale issues beyond those shown are counted");
        assertTrue(texts.contains("…and 2 more: `/upgrade list`"), texts);
        assertTrue(texts.contains("3 days overdue"), texts);
    }

    @Test
    void theSameDataRendersTheSameJson() {
        assertEquals(SLACK_JSON.toJson(HomeTabView.of(fullest(0))), SLACK_JSON.toJson(HomeTabView.of(fullest(0))));
    }

    /** 500 pending repositories on page {@code page}, 500 stale issues with long names, 12 projects. */
    private static HomeTab fullest(int page) {
        OwnerDoesLevels levels = OwnerDoesLevels.defaults();
        List<HomeTab.Pending> pending = new ArrayList<>();
        for (int i = 0; i < ShowHomeTab.PAGE_SIZE; i++) {
            pending.add(new HomeTab.Pending(1000 + i, 7, "Django 5.2 " + "x".repeat(200), "openedx/" + "r".repeat(90)
                    + i, "https://github.com/openedx/r/issues/" + i, "openedx/arch"));
        }
        List<HomeTab.StaleIssue> stale = new ArrayList<>();
        for (int i = 0; i < ShowHomeTab.STALE_MAX; i++) {
            stale.add(new HomeTab.StaleIssue(2000 + i, "Django 5.2 " + "y".repeat(150), "openedx/" + "s".repeat(90),
                    "https://github.com/openedx/s/issues/" + i, 40 - i, i % 2 == 0));
        }
        List<HomeTab.RunningProject> projects = new ArrayList<>();
        LocalDate today = LocalDate.parse("2026-12-02");
        for (int i = 0; i < ShowHomeTab.PROJECTS_MAX; i++) {
            projects.add(new HomeTab.RunningProject(7 + i, "django-" + i, "Django " + i + " " + "z".repeat(300),
                    ProjectState.ACTIVE, "C0UPGRADES", 500, 120, 300, today.minusDays(3), -3L,
                    "https://github.com/openedx/platform-roadmap/issues/" + i));
        }
        return new HomeTab("U0ORCH", true, levels.choosable(), pending, 500, page, 17, stale, 500, projects, 12,
                today);
    }
}
