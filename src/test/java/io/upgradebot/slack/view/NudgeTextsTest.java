package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upgradebot.project.PostContent;
import io.upgradebot.project.PostContent.NextStep;
import io.upgradebot.project.PostContent.RepoLink;
import io.upgradebot.project.PostContent.StaleIssue;
import io.upgradebot.project.PostContent.Step;
import io.upgradebot.project.TeamContacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class NudgeTextsTest {

    @Test
    void aTeamIsMentionedAndItsIssuesOfOneProjectAreListedWithTheNextStep() {
        PostContent.StaleNudge nudge = new PostContent.StaleNudge(
                new TeamContacts.Contact("team-a", null, List.of("U1", "U2")),
                List.of(new StaleIssue("Django 5", new RepoLink("acme/web", "https://github.com/acme/web/issues/3"), 9,
                        new NextStep(Step.REVIEW, true, "Owner reviews and merges"))));

        assertEquals("<@U1> <@U2> :wave: This upgrade issue has had no activity for a while, and the next step is"
                + " yours:\n• <https://github.com/acme/web/issues/3|acme/web>: no activity for 9 days · next: review"
                + " the open PR (owning team at _Owner reviews and merges_)", NudgeTexts.mrkdwn(nudge));
    }

    @Test
    void aDirectMessageNamesEachProjectAndMentionsNobody() {
        PostContent.StaleNudge nudge = new PostContent.StaleNudge(null,
                List.of(new StaleIssue("Django 5", new RepoLink("acme/web", null), 8,
                        new NextStep(Step.CHOOSE_LEVEL, true, null)),
                        new StaleIssue("Django 5", new RepoLink("acme/api", null), 7,
                                new NextStep(Step.CREATE_PRS, false, "Owner offers advice"))));

        assertEquals(":wave: These upgrade issues have had no activity for a while, and the next step is yours:\n"
                + "*Django 5*\n• acme/web: no activity for 8 days · next: choose an Owner Does level\n"
                + "• acme/api: no activity for 7 days · next: create the PRs (orchestration team at"
                + " _Owner offers advice_)", NudgeTexts.mrkdwn(nudge));
    }

    @Test
    void aTeamIsMentionedByItsUserGroupElseNamedInBold() {
        assertEquals("<!subteam^S1>", Mentions.of(new TeamContacts.Contact("team-a", "S1", List.of("U1"))));
        assertEquals("*team-b*", Mentions.of(new TeamContacts.Contact("team-b", null, List.of())));
    }
}
