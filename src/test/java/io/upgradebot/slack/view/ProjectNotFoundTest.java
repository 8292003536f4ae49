package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upgradebot.project.FindProject;
import io.upgradebot.project.FindProject.Reason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a command naming an unknown project answers: full sentences, whatever follows the first one. */
class ProjectNotFoundTest {

    @Test
    void anUnknownProjectIsAnsweredInSentences() {
        assertEquals("There is no project `nope`. There are no projects yet (`/upgrade new`).", ProjectNotFound
                .mrkdwn(new FindProject.Found(null, "nope", Reason.NO_SUCH_PROJECT, Optional.empty(), List.of())));
        assertEquals("There is no project `nope`. Known projects: `django-5-2`, `react-19` (`/upgrade list` for all).",
                ProjectNotFound.mrkdwn(new FindProject.Found(null, "nope", Reason.NO_SUCH_PROJECT, Optional.empty(),
                        List.of("django-5-2", "react-19"))));
        assertEquals("There is no project `djang-5-2`. Did you mean `django-5-2`?",
                ProjectNotFound.mrkdwn(new FindProject.Found(null, "djang-5-2", Reason.NO_SUCH_PROJECT,
                        Optional.of("django-5-2"), List.of("django-5-2"))));
        assertEquals("Name the project: there are no projects yet (`/upgrade new`).", ProjectNotFound
                .mrkdwn(new FindProject.Found(null, null, Reason.NOT_NAMED, Optional.empty(), List.of())));
    }
}
