package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.project.ownerdoes.ChoosableRepositories;
import io.upgradebot.support.BlockKitLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The choices modal stays inside Slack's limits for 500 repositories, on every page, as Slack receives it. */
class OwnerDoesChoicesModalTest {

    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OwnerDoesLevels LEVELS = OwnerDoesLevels.defaults();

    @Test
    void everyPageOf500RepositoriesIsAValidModal() throws Exception {
        List<ChoosableRepositories.Row> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            all.add(new ChoosableRepositories.Row(1000 + i, "openedx/" + "a-rather-long-repository-name-" + i,
                    "https://github.com/openedx/repo-" + i + "/issues/" + (i + 1),
                    "openedx/some-owning-team-" + (i % 40),
                    i % 3 == 0 ? LEVELS.tbd() : LEVELS.choosable().get(i % 6), i));
        }
        int size = ChoosableRepositories.PAGE_SIZE;
        int pages = (500 + size - 1) / size;
        for (int p = 0; p < pages; p++) {
            List<ChoosableRepositories.Row> rows = all.subList(p * size, Math.min(500, (p + 1) * size));
            ChoosableRepositories.Page page = new ChoosableRepositories.Page(7, "Django 5.2", rows, p, pages, 500, 500,
                    "", true, Optional.empty(), LEVELS.choosable());
            JsonNode view = JSON
                    .readTree(SLACK_JSON.toJson(OwnerDoesChoicesModal.of(page, p == 3 ? "x".repeat(4000) : null)));
            assertEquals(List.of(), BlockKitLimits.checkView(view), "page " + (p + 1));
            assertTrue(view.path("blocks").size() <= 100);
            String json = view.toString();
            assertEquals(p + 1 < pages, json.contains("\"Next "), "page " + (p + 1) + " has a next button");
            assertEquals(p > 0, json.contains("Previous"), "page " + (p + 1) + " has a previous button");
            assertTrue(json.contains("ub.owner_does_search"), "orchestrators can search");
        }
    }

    @Test
    void metadataRoundTripsAndStaysSmall() {
        OwnerDoesChoicesModal.Metadata md = new OwnerDoesChoicesModal.Metadata(42, 16, "q".repeat(500));
        OwnerDoesChoicesModal.Metadata back = OwnerDoesChoicesModal.Metadata.parse(md.json()).orElseThrow();
        assertEquals(42, back.projectId());
        assertEquals(16, back.page());
        assertTrue(md.json().length() < 200);
        assertFalse(OwnerDoesChoicesModal.Metadata.parse("not json").isPresent());
    }

    @Test
    void doneSavesOnlyPicksThatDifferFromWhatThePageShowed() {
        List<ChoosableRepositories.Row> rows = List.of(
                new ChoosableRepositories.Row(1, "o/a", null, "t", LEVELS.tbd(), 0),
                new ChoosableRepositories.Row(2, "o/b", null, "t", LEVELS.byKey("owner-reviews").orElseThrow(), 5),
                new ChoosableRepositories.Row(3, "o/c", null, "t", LEVELS.byKey("owner-reviews").orElseThrow(), 6));
        View rendered = OwnerDoesChoicesModal.of(new ChoosableRepositories.Page(7, "P", rows, 0, 1, 3, 3, "", false,
                Optional.empty(), LEVELS.choosable()), null);
        // what Slack sends back on submit: the view as rendered, plus the state of each select
        String json = SLACK_JSON.toJson(rendered).replaceFirst("\\{",
                """
                        {"state":{"values":{
                          "repo.1.0":{"ub.owner_does_pick:1":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"Owner reviews"},"value":"owner-reviews"}}},
                          "repo.2.5":{"ub.owner_does_pick:2":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"Owner reviews"},"value":"owner-reviews"}}},
                          "repo.3.6":{"ub.owner_does_pick:3":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"Owner offers advice"},"value":"owner-offers-advice"}}}}},""");
        View submitted = SLACK_JSON.fromJson(json, View.class);
        assertEquals(Map.of(1L, "owner-reviews", 3L, "owner-offers-advice"),
                OwnerDoesChoicesModal.unsavedPicks(submitted));
    }
}
