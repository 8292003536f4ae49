package io.upgradebot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A child issue's task line in the roadmap issue: ticked when closed, struck through when closed without the work. */
class ChildIssueTest {

    private static final RepoRef REPO = RepoRef.parse("acme/service-a");

    @Test
    void openCompletedAndNotPlannedLinesDiffer() {
        assertEquals("- [ ] acme/service-a#12", new ChildIssue(REPO, 12, false).taskLine());
        assertEquals("- [x] acme/service-a#12", new ChildIssue(REPO, 12, true, CloseReason.COMPLETED).taskLine());
        assertEquals("- [x] acme/service-a#12", new ChildIssue(REPO, 12, true, null).taskLine());
        assertEquals("- [x] ~~acme/service-a#12~~ (not planned)",
                new ChildIssue(REPO, 12, true, CloseReason.NOT_PLANNED).taskLine());
        assertEquals("- [x] ~~acme/service-a#12~~ (duplicate)",
                new ChildIssue(REPO, 12, true, CloseReason.DUPLICATE).taskLine());
    }

    @Test
    void gitHubsStateReasonsAreRead() {
        assertEquals(CloseReason.NOT_PLANNED, CloseReason.fromGitHub("not_planned"));
        assertEquals(CloseReason.DUPLICATE, CloseReason.fromGitHub("duplicate"));
        assertEquals(CloseReason.COMPLETED, CloseReason.fromGitHub("completed"));
        assertEquals(CloseReason.COMPLETED, CloseReason.fromGitHub(null));
        assertEquals(CloseReason.COMPLETED, CloseReason.fromGitHub("reopened"));
    }

    @Test
    void theChildListHeadingSaysHowManyWereClosedWithoutTheWork() {
        String body = RoadmapIssueBody.render(new RoadmapSummary("Django 5.2", "django-5-2", "Django", "4.2", "5.2",
                null, null, null, null, null, List.of()), "- [ ] a step",
                List.of(new ChildIssue(REPO, 1, false),
                        new ChildIssue(RepoRef.parse("acme/b"), 2, true, CloseReason.COMPLETED),
                        new ChildIssue(RepoRef.parse("acme/c"), 3, true, CloseReason.NOT_PLANNED)));
        assertTrue(body.contains("### Repository issues (3: 1 open, 2 closed: 1 not planned)\n\n"
                + "- [ ] acme/service-a#1\n- [x] acme/b#2\n- [x] ~~acme/c#3~~ (not planned)\n"), body);
    }
}
