package io.upgradebot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IssueBodiesTest {

    static final RepoRef REPO = RepoRef.parse("OpenEdx/Edx-Platform");
    static final RunbookChecklist CHECKLIST = RunbookChecklist.load();

    static RoadmapSummary summary() {
        return new RoadmapSummary("Django 5.2", "django-5-2", "Django", "4.2", "5.2", LocalDate.of(2026, 4, 23),
                "Django 4.2 support ends 2026-04-30 (endoflife.date); the last release branch cut before that is"
                        + " Verawood on 2026-04-23.",
                "Verawood", "@openedx/axim-engineering",
                "https://docs.openedx.org/django-5-2", List.of("Also targeting Verawood: Python 3.12 — the runbook asks"
                        + " to stagger completion dates."));
    }

    static List<ChildIssue> children(int n, String namePrefix) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new ChildIssue(
                RepoRef.parse((i % 3 == 0 ? "edx" : "openedx") + "/" + namePrefix + String.format("%04d", i)),
                1000 + i, i % 10 == 0)).toList();
    }

    @Test
    void markers_name_the_project_and_repository_and_are_read_back() {
        String marker = Markers.repoIssue("django-5-2", REPO);
        assertEquals("<!-- upgrade-bot:project=django-5-2 repo=openedx/edx-platform -->", marker);
        assertEquals(Optional.of(new Markers.RepoIssueMarker("django-5-2", REPO)),
                Markers.findRepoIssue("Human text\n\n" + marker + "\nmore"));
        assertEquals("<!-- upgrade-bot:roadmap=django-5-2 -->", Markers.roadmap("django-5-2"));
        assertEquals(Optional.of("django-5-2"), Markers.findRoadmap("x " + Markers.roadmap("django-5-2")));
        assertEquals("<!-- upgrade-bot:comment=owner-does id=42 -->", Markers.comment("owner-does", "42"));
        assertEquals(Optional.of(new Markers.CommentMarker("owner-does", "42")),
                Markers.findComment("Chosen.\n" + Markers.comment("owner-does", "42")));
        assertEquals("<!-- upgrade-bot:comment=a-b id=x -->", Markers.comment("a b", "x-->"));
        assertTrue(Markers.isBotAuthored(marker));
        assertFalse(Markers.isBotAuthored("a human comment"));
        assertTrue(Markers.findRepoIssue("no marker").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Markers.comment("", "1"));
    }

    @Test
    void body_sections_keep_human_edits_outside_the_section_byte_for_byte() {
        String before = "Intro written by a person\r\n\r\n- [x] ticked by hand\r\n\r\n";
        String after = "\r\n\r\nNotes added later by a person  \r\n";
        String body = before + BodySections.wrap("children", "- [ ] old#1") + after;

        String updated = BodySections.replace(body, "children", "- [ ] new#2\n- [x] new#3");

        assertEquals(before + BodySections.start("children") + "\n- [ ] new#2\n- [x] new#3\n"
                + BodySections.end("children") + after, updated);
        assertEquals(Optional.of("- [ ] new#2\n- [x] new#3"), BodySections.read(updated, "children"));
        assertEquals(updated, BodySections.replace(updated, "children", "- [ ] new#2\n- [x] new#3"));
    }

    @Test
    void a_missing_section_is_appended_and_other_sections_are_left_alone() {
        String body = "Text\n\n" + BodySections.wrap("summary", "old summary") + "\n";
        String updated = BodySections.replace(body, "children", "list");
        assertEquals(body + "\n" + BodySections.wrap("children", "list") + "\n", updated);
        assertEquals(Optional.of("old summary"), BodySections.read(updated, "summary"));
        assertEquals(BodySections.wrap("x", "y") + "\n", BodySections.replace(null, "x", "y"));
        assertEquals(Optional.empty(), BodySections.read("Text", "children"));
    }

    @Test
    void a_deleted_end_marker_makes_the_section_run_to_the_end() {
        String body = "Keep\n" + BodySections.start("children") + "\n- [ ] a#1\n- [ ] b#2";
        assertEquals("Keep\n" + BodySections.wrap("children", "- [ ] c#3"),
                BodySections.replace(body, "children", "- [ ] c#3"));
    }

    @Test
    void the_checklist_is_the_runbook_appendix_as_a_markdown_task_list_with_stable_ids() {
        assertEquals(41, CHECKLIST.items().size());
        assertEquals("create-roadmap-issue", CHECKLIST.ids().get(0));
        assertEquals("replace-unmaintained-dependencies", CHECKLIST.ids().get(40));
        for (String id : List.of(RunbookChecklist.ADD_CHECKLIST, RunbookChecklist.SET_MILESTONE,
                RunbookChecklist.EXPLICIT_COMPLETION_DATE, RunbookChecklist.NAME_ORCHESTRATION_TEAM,
                RunbookChecklist.CREATE_PROJECT_FIELD_VALUE, RunbookChecklist.CREATE_REPO_ISSUES,
                RunbookChecklist.TASK_LIST_OF_CHILDREN, RunbookChecklist.SEND_ANNOUNCEMENT,
                RunbookChecklist.ADD_MAINTENANCE_LABEL, RunbookChecklist.LINK_DOCS_FROM_ROADMAP)) {
            assertTrue(CHECKLIST.item(id).isPresent(), id);
        }
        String rendered = CHECKLIST.render(Set.of());
        assertFalse(rendered.contains("<!--"), "ids are not shown in the issue");
        assertFalse(rendered.contains("[tasklist]"), "GitHub retired tasklist blocks");
        assertEquals(41, Pattern.compile("(?m)^- \\[ \\] ").matcher(rendered).results().count());
        assertTrue(rendered.contains("- [ ] Set an appropriate release milestone for the roadmap issue\n"));
        assertTrue(rendered.contains("[Maintenance](https://github.com/orgs/openedx/projects/51/views/1)"));
    }

    @Test
    void the_bot_ticks_what_it_did_and_only_that() {
        String rendered = CHECKLIST.render(Set.of("set-milestone", "create-repo-issues", "not-an-id"));
        assertEquals(2, Pattern.compile("(?m)^- \\[x\\] ").matcher(rendered).results().count());
        assertTrue(rendered.contains("- [x] Set an appropriate release milestone for the roadmap issue"));
        assertEquals(Set.of("set-milestone", "create-repo-issues"), CHECKLIST.tickedIn(rendered));
    }

    @Test
    void ticking_a_live_body_changes_only_that_checkbox() {
        String live = "Human intro\r\n" + CHECKLIST.render(Set.of("add-checklist")).replace("\n", "\r\n")
                .replace("- [ ] Select an orchestration team", "- [x] Select an orchestration team")
                + "\r\nHuman outro";
        String ticked = CHECKLIST.tick(live, Set.of("send-announcement", "select-orchestration-team"));
        assertEquals(live.replace("- [ ] Send an [announcement]", "- [x] Send an [announcement]"), ticked);
        assertEquals(Set.of("add-checklist", "select-orchestration-team", "send-announcement"),
                CHECKLIST.tickedIn(ticked));
    }

    @Test
    void a_duplicate_checklist_id_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> RunbookChecklist.parse("- [ ] a <!-- id: x -->\n- [ ] b <!-- id: x -->"));
    }

    @Test
    void the_roadmap_issue_carries_summary_reason_team_docs_checklist_and_every_child() {
        List<ChildIssue> kids = List.of(new ChildIssue(RepoRef.parse("openedx/a"), 12, false),
                new ChildIssue(RepoRef.parse("openedx/b"), 3, true), new ChildIssue(RepoRef.parse("edx/c"), 7, false));
        String body = RoadmapIssueBody.render(summary(), CHECKLIST.render(Set.of("create-roadmap-issue")), kids);

        assertEquals(Optional.of("django-5-2"), Markers.findRoadmap(body));
        String summary = BodySections.read(body, RoadmapIssueBody.SUMMARY).orElseThrow();
        assertTrue(summary.contains("- **Upgrade:** Django 4.2 → 5.2\n"), summary);
        assertTrue(summary.contains("- **Target completion date:** 2026-04-23\n"));
        assertTrue(summary.contains("- **Why this date:** Django 4.2 support ends 2026-04-30 (endoflife.date); the"
                + " last release branch cut before that is Verawood on 2026-04-23.\n"));
        assertTrue(summary.contains("- **Release (milestone):** Verawood\n"));
        assertTrue(summary.contains("- **Orchestration team:** @openedx/axim-engineering"));
        assertTrue(summary.contains("[upgrade documentation](https://docs.openedx.org/django-5-2)"));
        assertTrue(summary.startsWith("> [!WARNING]\n> Also targeting Verawood: Python 3.12"));
        assertTrue(body.contains("- [x] [Create a roadmap issue]"));
        assertEquals("### Repository issues (3: 2 open, 1 closed)\n\n- [ ] openedx/a#12\n- [x] openedx/b#3\n"
                + "- [ ] edx/c#7", BodySections.read(body, RoadmapIssueBody.CHILDREN).orElseThrow());
    }

    @Test
    void beyond_100_sub_issues_the_list_still_names_every_child() {
        List<ChildIssue> kids = children(150, "repo-");
        String body = RoadmapIssueBody.render(summary(), CHECKLIST.render(Set.of()), kids);
        String list = BodySections.read(body, RoadmapIssueBody.CHILDREN).orElseThrow();
        assertTrue(list.contains("GitHub links at most 100 sub-issues to an issue; this list names all 150."));
        for (ChildIssue c : kids) {
            assertTrue(list.contains("- [" + (c.closed() ? "x" : " ") + "] " + c.reference() + "\n")
                    || list.endsWith(c.reference()), c.reference());
        }
    }

    @Test
    void a_thousand_repositories_fit_within_githubs_body_limit_as_a_task_list() {
        List<ChildIssue> kids = children(1000, "frontend-app-");
        String body = RoadmapIssueBody.render(summary(), CHECKLIST.render(Set.of()), kids);
        assertTrue(body.length() <= RoadmapIssueBody.MAX_BODY_CHARS, "length " + body.length());
        assertEquals(1000, Pattern.compile("(?m)^- \\[[ x]\\] \\S+#\\d+$").matcher(
                BodySections.read(body, RoadmapIssueBody.CHILDREN).orElseThrow()).results().count());
    }

    @Test
    void a_thousand_long_repository_names_become_a_compact_linked_list_that_says_why() {
        List<ChildIssue> kids = children(1000, "frontend-app-learner-dashboard-plugin-");
        String body = RoadmapIssueBody.render(summary(), CHECKLIST.render(Set.of()), kids);
        String list = BodySections.read(body, RoadmapIssueBody.CHILDREN).orElseThrow();
        assertTrue(body.length() <= RoadmapIssueBody.MAX_BODY_CHARS, "length " + body.length());
        assertTrue(list.contains("would not fit GitHub's 65536-character limit"), list.substring(0, 300));
        assertTrue(list.contains("**Open (900):** openedx/frontend-app-learner-dashboard-plugin-0001#1001, "));
        assertTrue(list.contains("**Closed (100):** openedx/frontend-app-learner-dashboard-plugin-0010#1010, "));
        for (ChildIssue c : kids) {
            assertTrue(Pattern.compile(Pattern.quote(c.reference()) + "(,|\\n|$)").matcher(list).find(), c.reference());
        }
    }

    @Test
    void when_even_the_compact_list_is_too_long_it_groups_by_organisation_and_stays_complete() {
        List<ChildIssue> kids = children(1100, "frontend-app-learner-dashboard-plugin-");
        String body = RoadmapIssueBody.render(summary(), CHECKLIST.render(Set.of()), kids);
        String list = BodySections.read(body, RoadmapIssueBody.CHILDREN).orElseThrow();
        assertTrue(body.length() <= RoadmapIssueBody.MAX_BODY_CHARS, "length " + body.length());
        assertTrue(list.contains("grouped by organisation"));
        for (ChildIssue c : kids) {
            assertTrue(list.contains(c.repo().name() + "#" + c.number()), c.reference());
        }
    }

    @Test
    void thousands_of_repositories_are_cut_with_a_pointer_to_the_full_list() {
        List<ChildIssue> kids = children(5000, "frontend-app-learner-dashboard-plugin-");
        String body = RoadmapIssueBody.render(summary(), CHECKLIST.render(Set.of()), kids);
        String list = BodySections.read(body, RoadmapIssueBody.CHILDREN).orElseThrow();
        assertTrue(body.length() <= RoadmapIssueBody.MAX_BODY_CHARS, "length " + body.length());
        assertTrue(list.contains("run `/upgrade status django-5-2` for the full list"));
        assertTrue(Pattern.compile("… and \\d+ more\\.$").matcher(list).find());
    }

    @Test
    void rewriting_the_children_keeps_the_persons_edits_and_the_summary() {
        String body = RoadmapIssueBody.render(summary(), CHECKLIST.render(Set.of()), List.of());
        String edited = body.replace("## Runbook checklist", "## Runbook checklist\n\nNote from a human.")
                .replace("- [ ] Select an orchestration team", "- [x] Select an orchestration team");
        List<ChildIssue> kids = new ArrayList<>(children(2, "r"));
        String updated = RoadmapIssueBody.replaceChildren(edited, kids, "django-5-2");
        assertEquals(BodySections.replace(edited, RoadmapIssueBody.CHILDREN,
                "### Repository issues (2: 2 open, 0 closed)\n\n- [ ] openedx/r0001#1001\n- [ ] openedx/r0002#1002"),
                updated);
        assertTrue(updated.contains("Note from a human.") && updated.contains("- [x] Select an orchestration team"));
        RoadmapSummary later = new RoadmapSummary("Django 5.2", "django-5-2", "Django", "4.2", "5.2", null, null,
                null, null, null, List.of());
        String resummarised = RoadmapIssueBody.replaceSummary(updated, later);
        assertTrue(resummarised.contains("- **Target completion date:** not set yet"));
        assertTrue(resummarised.contains("Note from a human."));
        assertEquals(BodySections.read(updated, "children"), BodySections.read(resummarised, "children"));
    }

    @Test
    void the_repository_issue_is_one_paragraph_linking_the_roadmap_plus_the_marker() {
        String body = RepoIssueBody.render("django-5-2", "Django 5.2", REPO, "openedx/platform-roadmap#412");
        assertTrue(body.startsWith("This repository is impacted by the **Django 5.2** upgrade project."));
        assertTrue(body.contains("roadmap issue openedx/platform-roadmap#412"));
        assertEquals(Optional.of(new Markers.RepoIssueMarker("django-5-2", REPO)), Markers.findRepoIssue(body));
        assertEquals(2, body.strip().split("\n\n").length);
    }
}
