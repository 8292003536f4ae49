package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import io.upgradebot.config.OwnerDoesConfig.ChoicePolicy;
import io.upgradebot.project.OrchestratorGate.OrchestrationTeam;
import io.upgradebot.project.TeamAudience;
import io.upgradebot.project.creation.ChangeProjectScope;
import io.upgradebot.project.ownerdoes.ChoiceRefusal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Refusals that project/ returns as data, in the words people see in Slack. */
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
                        ChangeProjectScope.Refusal.CLOSED, "Django 5.2", List.of(), List.of(), List.of()))));
        assertEquals("*django-5-2*:\n“Django 5.2” is only a preview: create it first (its *Create it* button), "
                + "then change its repositories.",
                text(ScopeChangeView.result("django-5-2", new ChangeProjectScope.Result(false,
                        ChangeProjectScope.Refusal.PREVIEW, "Django 5.2", List.of(), List.of(), List.of()))));
        assertEquals("*nope*:\nThere is no project `nope`: /upgrade list shows them all.",
                text(ScopeChangeView.result("nope", new ChangeProjectScope.Result(false,
                        ChangeProjectScope.Refusal.NO_SUCH_PROJECT, null, List.of(), List.of(), List.of()))));
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
