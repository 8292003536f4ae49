package io.upgradebot.project.creation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upgradebot.project.FindProject;
import io.upgradebot.project.ProjectWriteKeys;
import org.junit.jupiter.api.Test;

/** What the form can tell at once (no GitHub call), and the write keys everything else hangs on. */
class ProjectInputsTest {

    @Test
    void pastedListsAndSearchesAreCheckedForSyntaxOnly() {
        assertNull(ResolveRepositories
                .syntaxError("openedx/edx-platform\nhttps://github.com/openedx/xblock-lti, openedx/a"));
        assertNull(ResolveRepositories.syntaxError("org:openedx topic:django"));
        assertNull(ResolveRepositories.syntaxError("org:openedx filename:requirements.in django"));
        assertTrue(ResolveRepositories.syntaxError("openedx/ok\nnot a repo").contains("line 2"));
        assertTrue(ResolveRepositories.syntaxError("   ").startsWith("Name the impacted repositories"));
        assertTrue(ResolveRepositories.syntaxError("org:openedx \"django").contains("quote"));
        assertTrue(ResolveRepositories.syntaxError("org: topic:django").contains("needs a value"));
        assertTrue(ResolveRepositories.syntaxError("topic:django language:python").contains("organisation"));
        assertTrue(ResolveRepositories.syntaxError("org:openedx " + "x".repeat(300)).contains("256"));
        assertTrue(ResolveRepositories.syntaxError("org:openedx a OR b OR c OR d OR e OR f OR g").contains("five"));
        // the REST code search ignores the web search's content: and symbol:, so they are refused, not run
        assertTrue(ResolveRepositories.syntaxError("org:openedx content:django").contains("'content:' works only"));
        assertTrue(ResolveRepositories.syntaxError("org:openedx symbol:Upgrade").contains("'symbol:' works only"));
        assertNull(ResolveRepositories.syntaxError("org:openedx path:requirements/ django"));
    }

    @Test
    void writeKeysAreStableParseableAndReadable() {
        String key = ProjectWriteKeys.repoIssue("django-5-2", "OpenEdx/Edx-Platform");
        assertEquals("p:django-5-2:repo-issue:openedx/edx-platform", key);
        var parsed = ProjectWriteKeys.parse(key).orElseThrow();
        assertEquals("django-5-2", parsed.slug());
        assertEquals(ProjectWriteKeys.REPO_ISSUE, parsed.what());
        assertEquals("openedx/edx-platform", parsed.repo());
        var field = ProjectWriteKeys.parse(ProjectWriteKeys.boardField("s", "o/r", "Owner Does", 0)).orElseThrow();
        assertEquals("o/r", field.repo());
        assertEquals("owner-does", field.detail());
        assertEquals("board option for project",
                ProjectWriteKeys.describe(ProjectWriteKeys.boardOption("s", "Project")));
        assertEquals("issue in o/r", ProjectWriteKeys.describe(ProjectWriteKeys.repoIssue("s", "o/r")));
        assertTrue(ProjectWriteKeys.parse("something-else").isEmpty());
    }

    @Test
    void didYouMeanUsesEditDistance() {
        assertEquals(1, FindProject.distance("django-5-2", "django-5-3"));
        assertEquals(0, FindProject.distance("a", "a"));
    }
}
