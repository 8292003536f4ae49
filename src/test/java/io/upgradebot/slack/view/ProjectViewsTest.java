package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.project.creation.DateSuggestion;
import io.upgradebot.project.creation.NewProjectRequest;
import io.upgradebot.project.creation.NewProjectRequest.Field;
import io.upgradebot.project.creation.ProjectPreview;
import io.upgradebot.project.creation.UnreachableRepo;
import io.upgradebot.project.status.ProjectStatus;
import io.upgradebot.support.BlockKitLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The /upgrade new surfaces render within Slack's limits at any size, and the form parses back what it renders. */
class ProjectViewsTest {

    private static final DateSuggestion ULMO = new DateSuggestion(LocalDate.of(2030, 10, 30), "Ulmo",
            "Django 4.2 support ends 2031-04-30 (endoflife.date); the last release branch cut before that is Ulmo.",
            false, "Also targeting Ulmo: Python 3.12 — the runbook asks to stagger completion dates.");

    @Test
    void theFormOpensWithDefaultsAndStaysWithinModalLimits() {
        View form = NewProjectModal.form(NewProjectModal.initial("Django 5.2", "django", "4.2", "5.2",
                "openedx/platform-roadmap", "C0UPGRADES"), new NewProjectModal.Metadata("C0UPGRADES", 0, null), null);
        BlockKitLimits.assertModal(form);
        assertEquals("ub.new_project", form.getCallbackId());
        String json = GsonFactory.createSnakeCase().toJson(form);
        assertTrue(json.contains("\"initial_conversation\":\"C0UPGRADES\""), json);
        assertTrue(json.contains("ub.new_project_suggest_date"), "the Suggest a date button");
    }

    @Test
    void aSuggestionReplacesDateAndReleaseUnderNewBlockIdsAndIsCarriedInMetadata() {
        View form = NewProjectModal.form(NewProjectModal.initial("Django 5.2", "django", "4.2", "5.2", "o/r", "C1"),
                new NewProjectModal.Metadata("C1", 3, ULMO), null);
        BlockKitLimits.assertModal(form);
        InputBlock date = (InputBlock) form.getBlocks().stream()
                .filter(b -> b instanceof InputBlock i && i.getBlockId().startsWith("date")).findFirst().orElseThrow();
        assertEquals("date.3", date.getBlockId(), "Slack keeps typed values for an unchanged block_id");
        SectionBlock suggestion = (SectionBlock) form.getBlocks().stream()
                .filter(b -> b instanceof SectionBlock s && "suggestion".equals(s.getBlockId())).findFirst()
                .orElseThrow();
        String text = ((MarkdownTextObject) suggestion.getText()).getText();
        assertTrue(text.contains("2030-10-30") && text.contains("Ulmo") && text.contains("stagger"), text);
        NewProjectModal.Metadata back = NewProjectModal.Metadata.fromJson(form.getPrivateMetadata());
        assertEquals(3, back.rev());
        assertEquals(ULMO.date(), back.suggestion().date());
        assertEquals("Ulmo", back.suggestion().release());
    }

    @Test
    void aSubmissionParsesByActionIdWhateverTheBlockId() {
        View form = NewProjectModal.form(NewProjectModal.initial(null, null, null, null, null, "C1"),
                new NewProjectModal.Metadata("C1", 2, ULMO), null);
        Map<String, Map<String, ViewState.Value>> values = new LinkedHashMap<>();
        values.put("name", Map.of("name", text("  Django 5.2 ")));
        values.put("product", Map.of("product", text("django")));
        values.put("current", Map.of("current", text("4.2")));
        values.put("target", Map.of("target", text("5.2")));
        values.put("roadmap_repo", Map.of("roadmap_repo", text("openedx/platform-roadmap")));
        values.put("repos", Map.of("repos", text("openedx/a\nopenedx/b")));
        ViewState.Value date = new ViewState.Value();
        date.setSelectedDate("2030-10-30");
        values.put("date.2", Map.of("date", date));
        values.put("release.2", Map.of("release", text("Ulmo")));
        values.put("date_reason", Map.of("date_reason", text(null)));
        values.put("team", Map.of("team", text("Axim")));
        ViewState.Value channel = new ViewState.Value();
        channel.setSelectedConversation("C9");
        values.put("channel", Map.of("channel", channel));
        values.put("docs", Map.of("docs", text("https://docs.example.org/django")));
        ViewState.Value options = new ViewState.Value();
        ViewState.SelectedOption preview = new ViewState.SelectedOption();
        preview.setValue("preview");
        options.setSelectedOptions(List.of(preview));
        values.put("options", Map.of("options", options));
        form.setState(new ViewState(values));

        NewProjectModal.Parsed parsed = NewProjectModal.parse(form, "U1", "T1");
        NewProjectRequest r = parsed.request();
        assertEquals("Django 5.2", r.name());
        assertEquals(LocalDate.of(2030, 10, 30), r.completionDate());
        assertEquals("Ulmo", r.release());
        assertNull(r.dateReason());
        assertEquals("C9", r.channelId());
        assertTrue(r.previewOnly());
        assertEquals(ULMO.date(), r.suggestion().date(), "the suggestion shown comes back from private_metadata");
        assertEquals(Map.of("date.2", "bad", "name", "empty"),
                parsed.errorsByBlock(
                        new java.util.EnumMap<>(Map.of(Field.COMPLETION_DATE, "bad", Field.NAME, "empty"))));
    }

    @Test
    void previewOf500RepositoriesAndUnreachablesFitsAMessage() {
        List<String> repos = IntStream.range(0, 500).mapToObj(i -> "openedx/some-rather-long-repository-name-" + i)
                .toList();
        List<UnreachableRepo> missing = IntStream.range(0, 200)
                .mapToObj(i -> new UnreachableRepo("openedx/gone-" + i, "does not exist or the bot cannot see it"))
                .toList();
        Map<String, String> board = new LinkedHashMap<>();
        board.put("Project", "Django 5.2");
        board.put("Owner Does", "TBD");
        ProjectPreview p = new ProjectPreview(7, "Django 5.2", "django-5-2", "openedx/platform-roadmap",
                "Django 5.2 upgrade", List.of("maintenance"), "Django 5.2 upgrade", repos, missing,
                "org:openedx topic:django", "Ulmo", LocalDate.of(2030, 10, 30), ULMO.reason(), false,
                ULMO.overlapWarning(), "Axim", "https://docs", "openedx #51", board, 100, "U1",
                "openedx #52", Map.of("Status", "Backlog"));
        var blocks = PreviewView.blocks(p);
        BlockKitLimits.assertMessage(blocks);
        String json = GsonFactory.createSnakeCase().toJson(blocks);
        assertTrue(
                json.replace("\\u003d", "=")
                        .contains("*Roadmap board* openedx #52: the roadmap issue added with Status = Backlog"),
                "the roadmap board line");
        assertTrue(json.contains("ub.preview_create"), "the Create it button");
        assertTrue(json.contains("more"), "long lists end with …and N more");
    }

    @Test
    void statusOf500RepositoriesAllTbdWithFailuresFitsAMessage() {
        List<ProjectStatus.RepoLine> tbd = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            tbd.add(new ProjectStatus.RepoLine("openedx/repository-" + i, "https://github.com/openedx/repository-" + i
                    + "/issues/1", null));
        }
        List<ProjectStatus.Failure> failures = IntStream.range(0, 40)
                .mapToObj(i -> new ProjectStatus.Failure("issue in openedx/r" + i,
                        "403 Resource not accessible by integration"))
                .toList();
        ProjectStatus s = new ProjectStatus(1, "django-5-2", "Django 5.2", ProjectState.ACTIVE,
                "openedx/platform-roadmap", 412,
                "https://github.com/openedx/platform-roadmap/issues/412", "Ulmo", LocalDate.of(2030, 10, 30),
                ULMO.reason(),
                "Axim", null, "C1", "U1", Instant.now(), 500, 500, 490, 10,
                List.of(new ProjectStatus.LevelCount("TBD", "TBD", 500)), tbd, null, failures, ULMO.overlapWarning(),
                "https://github.com/orgs/openedx/projects/51");
        BlockKitLimits.assertMessage(ProjectStatusView.blocks(s));
        BlockKitLimits.assertMessage(ProjectStatusView.summary(s));
        ProjectStatus creating = new ProjectStatus(1, "django-5-2", "Django 5.2", ProjectState.CREATING, "o/r", null,
                null, null,
                LocalDate.of(2030, 1, 1), "why", "Axim", null, "C1", "U1", Instant.now(), 80, 37, 37, 0, List.of(),
                List.of(),
                new ProjectStatus.Progress(37, 80, 120, 560, 0, Instant.now().plusSeconds(120), "secondary rate limit"),
                List.of(), null, null);
        String line = ProjectStatusView.progressLine(creating.progress());
        assertTrue(line.startsWith("Creating repository issues: *37 / 80*"), line);
        assertTrue(line.contains("GitHub asked us to slow down, resuming at <!date^"), line);
        assertTrue(line.endsWith("0 failed"), line);
    }

    @Test
    void confirmationOf300UnreachableFitsAModalAndCarriesTheProjectId() {
        List<UnreachableRepo> missing = IntStream.range(0, 300)
                .mapToObj(i -> new UnreachableRepo("openedx/gone-" + i, "does not exist or the bot cannot see it"))
                .toList();
        View v = ConfirmProjectModal.render(42, "Django 5.2", missing, 150, true, "no end of support announced");
        BlockKitLimits.assertModal(v);
        assertEquals(42L, ConfirmProjectModal.projectId(v));
        assertEquals("Create without them", v.getSubmit().getText());
    }

    @Test
    void listOfManyProjectsFitsAMessage() {
        List<ProjectListView.Row> rows = IntStream.range(0, 60).mapToObj(i -> new ProjectListView.Row("project-" + i,
                "A project with a long name number " + i, ProjectState.ACTIVE, LocalDate.of(2030, 1, 1), "Ulmo", 400,
                20,
                "https://github.com/openedx/platform-roadmap/issues/" + i, "C1")).toList();
        BlockKitLimits.assertMessage(ProjectListView.blocks(rows));
    }

    @Test
    void scopeConfirmationButtonOnlyWhenItsValueFits() {
        List<UnreachableRepo> missing = List.of(new UnreachableRepo("o/gone", "does not exist"));
        var small = ScopeChangeView.confirmAdd("django-5-2", List.of("o/a", "o/b"), missing);
        BlockKitLimits.assertMessage(small);
        assertTrue(GsonFactory.createSnakeCase().toJson(small).contains("ub.repos_add_confirm"));
        var value = ScopeChangeView.value("django-5-2", List.of("o/a", "o/b")).orElseThrow();
        assertEquals(List.of("o/a", "o/b"), ScopeChangeView.parseValue(value).orElseThrow().repos());
        List<String> many = IntStream.range(0, 200).mapToObj(i -> "openedx/repository-number-" + i).toList();
        var big = ScopeChangeView.confirmAdd("django-5-2", many, missing);
        BlockKitLimits.assertMessage(big);
        assertFalse(GsonFactory.createSnakeCase().toJson(big).contains("ub.repos_add_confirm"));
    }

    @Test
    void chunksNeverExceedTheLimitAndSayWhatWasLeftOut() {
        List<String> lines = IntStream.range(0, 1000).mapToObj(i -> "line number " + i).toList();
        List<String> chunks = Mrkdwn.chunks(lines, 3000, 3);
        assertEquals(3, chunks.size());
        chunks.forEach(c -> assertTrue(c.length() <= 3000, "chunk of " + c.length()));
        assertTrue(chunks.get(2).contains("more"));
    }

    private static ViewState.Value text(String s) {
        ViewState.Value v = new ViewState.Value();
        v.setValue(s);
        return v;
    }
}
