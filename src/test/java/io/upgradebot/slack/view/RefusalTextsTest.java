package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import io.upgradebot.config.OwnerDoesConfig.ChoicePolicy;
import io.upgradebot.project.OrchestratorGate.OrchestrationTeam;
import io.upgradebot.project.TeamAudience;
import io.upgradebot.project.creation.ChangeProjectScope;
import io.upgradebot.project.creation.ResolveRepositories;
import io.upgradebot.project.ownerdoes.ChoiceRefusal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Refusals and problems that project/ returns as data, in the words people see in Slack. */
class RefusalTextsTest {

    private static final OrchestrationTeam ORCH = new OrchestrationTeam(List.of("U0ORCH"), Optional.of("S0ORCH"));

    @Test
    void choiceRefusalsSayWhyAndWhoCan() {
        assertEquals("*Django 5.2* is only a preview: levels are chosen once it is created.",
                ChoiceRefusalText.mrkdwn(new ChoiceRefusal(ChoiceRefusal.Reason.PREVIEW, "Django 5.2", null, null)));
        assertEquals("*Django 5.2* is closed: its Owner Does levels no longer change.",
                ChoiceRefusalText.mrkdwn(new ChoiceRefusal(ChoiceRefusal.Reason.CLOSED, "Django 5.2", null, null)));
        TeamAudience people = new TeamAudience("openedx/arch", Optional.empty(), List.of("U1", "U2"), "github");
        assertEquals("You can't choose for *openedx/edx-platform*: members of <@U1> <@U2> (the owning team, "
                + "`openedx/arch`) or an orchestrator (<@U0ORCH> or members of <!subteam^S0ORCH>) can.",
                ChoiceRefusalText.mrkdwn(new ChoiceRefusal(ChoiceRefusal.Reason.NOT_ALLOWED, "Django 5.2",
                        "openedx/edx-platform", new ChoiceRefusal.WhoCan(ChoicePolicy.OWNERS, "C1", "openedx/arch",
                                people, ORCH))));
        assertEquals("members of the owning team `openedx/arch` (not linked to Slack people yet) or an orchestrator "
                + "(<@U0ORCH> or members of <!subteam^S0ORCH>)",
                ChoiceRefusalText.whoCan(new ChoiceRefusal.WhoCan(ChoicePolicy.OWNERS, "C1", "openedx/arch",
                        TeamAudience.unknown("openedx/arch"), ORCH)));
        assertEquals("Only people in <#C1> and orchestrators (<@U0ORCH> or members of <!subteam^S0ORCH>) choose "
                + "for this project's repositories.",
                ChoiceRefusalText.mrkdwn(new ChoiceRefusal(ChoiceRefusal.Reason.NOTHING_TO_CHOOSE, "Django 5.2",
                        null, new ChoiceRefusal.WhoCan(ChoicePolicy.CHANNEL, "C1", null, null, ORCH))));
        assertEquals("people in the project channel or an orchestrator (nobody yet: an operator sets "
                + "UPGRADE_BOT_ORCHESTRATORS (Slack user ids) or UPGRADE_BOT_ORCHESTRATOR_GROUP (a user group id))",
                ChoiceRefusalText.whoCan(new ChoiceRefusal.WhoCan(ChoicePolicy.CHANNEL, null, null, null,
                        new OrchestrationTeam(List.of(), Optional.empty()))));
    }

    @Test
    void scopeChangeRefusalsNameTheProject() {
        assertEquals("*django-5-2*:\n“Django 5.2” is closed; its scope no longer changes.",
                text(ScopeChangeView.result("django-5-2", new ChangeProjectScope.Result(false,
                        ChangeProjectScope.Refusal.CLOSED, "Django 5.2", null, List.of(), List.of(), List.of()))));
        assertEquals("*django-5-2*:\n“Django 5.2” is only a preview: create it first (its *Create it* button), "
                + "then change its repositories.",
                text(ScopeChangeView.result("django-5-2", new ChangeProjectScope.Result(false,
                        ChangeProjectScope.Refusal.PREVIEW, "Django 5.2", null, List.of(), List.of(), List.of()))));
        assertEquals("*nope*:\nThere is no project `nope`: /upgrade list shows them all.",
                text(ScopeChangeView.result("nope", new ChangeProjectScope.Result(false,
                        ChangeProjectScope.Refusal.NO_SUCH_PROJECT, null, null, List.of(), List.of(), List.of()))));
    }

    @Test
    void repositoryProblemsSayWhatToDo() {
        assertEquals("The search `org:openedx topic:nope` found no repository.", RepositoryProblem.mrkdwn(
                problem(ResolveRepositories.ProblemKind.SEARCH_FOUND_NOTHING, 0, Optional.empty(), null)));
        assertEquals("The search `org:openedx topic:nope` finds more than 500 repositories, more than one project "
                + "may hold: narrow it.",
                RepositoryProblem.mrkdwn(
                        problem(ResolveRepositories.ProblemKind.SEARCH_FINDS_TOO_MANY, 0, Optional.empty(), null)));
        assertEquals("That is 501 repositories; one project holds at most 500.", RepositoryProblem.mrkdwn(
                problem(ResolveRepositories.ProblemKind.TOO_MANY, 501, Optional.empty(), null)));
        Instant at = Instant.parse("2026-12-02T03:00:00Z");
        assertEquals("GitHub's search is rate limited right now (until 2026-12-02T03:00:00Z); try again in a "
                + "minute.",
                RepositoryProblem.mrkdwn(
                        problem(ResolveRepositories.ProblemKind.SEARCH_RATE_LIMITED, 0, Optional.of(at), null)));
        assertEquals("GitHub rate-limited the repository checks; try again then.", RepositoryProblem.mrkdwn(
                problem(ResolveRepositories.ProblemKind.CHECKS_RATE_LIMITED, 0, Optional.empty(), null)));
        assertEquals("GitHub refused the search: Validation Failed", RepositoryProblem.mrkdwn(
                problem(ResolveRepositories.ProblemKind.SEARCH_REFUSED, 0, Optional.empty(), "Validation Failed")));
        assertEquals("*django-5-2*:\nThat is 501 repositories; one project holds at most 500.",
                text(ScopeChangeView.result("django-5-2", new ChangeProjectScope.Result(false, null, null,
                        problem(ResolveRepositories.ProblemKind.TOO_MANY, 501, Optional.empty(), null), List.of(),
                        List.of(), List.of()))));
    }

    private static ResolveRepositories.Problem problem(ResolveRepositories.ProblemKind kind, int count,
            Optional<Instant> retryAt, String detail) {
        return new ResolveRepositories.Problem(kind, "org:openedx topic:nope", count, 500, retryAt, detail);
    }

    @Test
    void aStartedProjectWhoseStatusCouldNotBePostedSaysHowToSeeIt() {
        assertEquals("I could not post in <#C1>: invite me there (`/invite @upgrade-bot`) to see the progress; "
                + "`/upgrade status django-5-2` works meanwhile.", PreviewView.statusNotPosted("C1", "django-5-2"));
    }

    private static String text(List<LayoutBlock> blocks) {
        assertEquals(1, blocks.size());
        return ((SectionBlock) blocks.get(0)).getText().getText();
    }
}
