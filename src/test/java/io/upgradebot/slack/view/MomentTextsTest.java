package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upgradebot.project.PostContent;
import io.upgradebot.project.PostContent.RepoLink;
import io.upgradebot.project.TeamContacts;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MomentTextsTest {

    @Test
    void theTbdReminderMentionsEachReachableTeamAndNamesTheOthers() {
        String text = MomentTexts.tbdReminder(new PostContent.TbdReminder("Please hurry.", "Django 5", 3, 4,
                LocalDate.of(2026, 6, 1),
                List.of(new PostContent.TeamRepos("team-a", new TeamContacts.Contact("team-a", "S1", List.of()),
                        List.of(new RepoLink("acme/web", "https://github.com/acme/web/issues/1"))),
                        new PostContent.TeamRepos("team-b", new TeamContacts.Contact("team-b", null, List.of()),
                                List.of(new RepoLink("acme/api", null))),
                        new PostContent.TeamRepos(null, null, List.of(new RepoLink("acme/old", null))))));

        assertEquals("Please hurry.\n\n:hourglass_flowing_sand: *Django 5*: 3 of 4 repositories have no Owner Does"
                + " level yet. Owners, please choose who does what (completion date Mon 1 Jun 2026).\n"
                + "• <!subteam^S1> (team-a): <https://github.com/acme/web/issues/1|acme/web>\n"
                + "• *team-b*: acme/api\n• Owner unknown: acme/old", text);
    }

    @Test
    void theCompletionDateReminderSaysHowFarOffTheDateIs() {
        assertEquals(":calendar: *Django 5* is due Mon 1 Jun 2026: 1 day overdue.\nDone: 1 of 3 repositories (33%)"
                + " · open: 2 · still TBD: 1",
                MomentTexts.deadlineReminder(new PostContent.DeadlineReminder(null,
                        "Django 5", LocalDate.of(2026, 6, 1), -1, 1, 3, 2, 1)));
    }

    @Test
    void aDigestOfAQuietWeekSaysNothingChangedAndWhoChoseALevel() {
        String text = MomentTexts.digest(new PostContent.WeeklyDigest(null, "Django 5", "django-5", 0, 1, 1, 0, 14,
                null, null, 0, List.of(new PostContent.LevelCount("TBD", 0, 1)), List.of(),
                List.of(new PostContent.LevelChoice("acme/web", "Owner does everything", "U0ALICE"),
                        new PostContent.LevelChoice("acme/api", "TBD", "octocat")),
                List.of(), true));

        assertEquals(":bar_chart: *Weekly digest: Django 5*\n*Progress:* 0 of 1 done (0%) · 1 open\n"
                + "*By level* (done / all):\n• TBD: 0 / 1\n*This week:*\n"
                + "• Levels chosen: acme/web → Owner does everything (<@U0ALICE>); acme/api → TBD (octocat)", text);
    }
}
