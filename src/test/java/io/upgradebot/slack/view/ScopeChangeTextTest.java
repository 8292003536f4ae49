package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slack.api.model.block.SectionBlock;
import io.upgradebot.project.creation.ChangeProjectScope;
import io.upgradebot.project.creation.ChangeProjectScope.RepoLine;
import io.upgradebot.project.creation.ChangeProjectScope.ScopeChange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words of a scope change: in the status thread (who did it) and in the answer to the person. */
class ScopeChangeTextTest {

    @Test
    void theStatusThreadSaysWhoAddedWhichRepositoriesOneLineEach() {
        ScopeChange change = new ScopeChange("U1", ScopeChange.Kind.ADDED, List.of(
                new RepoLine("acme/web", "added, its issue is being created"),
                new RepoLine("acme/api", "already in the project")));
        assertEquals("<@U1> added repositories:\n• acme/web: added, its issue is being created\n"
                + "• acme/api: already in the project", ScopeChangeView.threadText(change));
    }

    @Test
    void aRemovalIsSaidAsSuchAndMarkupInALineIsEscaped() {
        ScopeChange change = new ScopeChange("U2", ScopeChange.Kind.REMOVED,
                List.of(new RepoLine("acme/<x>", "not in the project")));
        assertEquals("<@U2> removed repositories:\n• acme/&lt;x&gt;: not in the project",
                ScopeChangeView.threadText(change));
    }

    @Test
    void thePersonsAnswerListsTheSameLinesUnderTheProject() {
        var r = new ChangeProjectScope.Result(true, null, null, null,
                List.of(new RepoLine("acme/web", "back in scope")), List.of(), List.of());
        assertEquals("*django-5*:\n• acme/web: back in scope",
                ((SectionBlock) ScopeChangeView.result("django-5", r).get(0)).getText().getText());
    }
}
