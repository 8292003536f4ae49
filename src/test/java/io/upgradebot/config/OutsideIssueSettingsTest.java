package io.upgradebot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where outside issues go: a setting that is not owner/repo stops the start with a message naming it. */
class OutsideIssueSettingsTest {

    record Config(Optional<String> dependencyRepo, List<String> dependencyLabels, Optional<List<String>> opsRepos,
            Optional<String> communityChannel) implements OutsideIssuesConfig {
    }

    @Test
    void goodSettingsAreParsed() {
        OutsideIssueSettings s = new OutsideIssueSettings(new Config(Optional.of(" openedx/public-engineering "),
                List.of("help wanted", " maintenance"), Optional.of(List.of("BTR = openedx/wg-btr", "SRE=edx/sre")),
                Optional.of("C0COMMUNITY")));
        assertEquals(List.of(), s.problems());
        assertEquals(Optional.of("openedx/public-engineering"), s.dependencyRepo());
        assertEquals(List.of("help wanted", "maintenance"), s.dependencyLabels());
        assertEquals(Map.of("BTR", "openedx/wg-btr", "SRE", "edx/sre"), s.opsRepos());
        s.onStart(null);
    }

    @Test
    void badRepositoriesStopTheStartNamingEachSetting() {
        OutsideIssueSettings s = new OutsideIssueSettings(new Config(Optional.of("public-engineering"),
                List.of("help wanted"), Optional.of(List.of("BTR", "SRE=edx/sre", "sre=other/repo", "=a/b")),
                Optional.empty()));
        List<String> problems = s.problems();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("UPGRADE_BOT_DEPENDENCY_REPO") && problems.get(0).contains(
                "\"public-engineering\" is not owner/repo"), problems.get(0));
        assertTrue(problems.get(1).contains("UPGRADE_BOT_OPS_REPOS") && problems.get(1).contains("\"BTR\""));
        assertTrue(problems.get(2).contains("names \"sre\" twice"), problems.get(2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.onStart(null));
        assertTrue(e.getMessage().startsWith("Invalid outside-issue settings: "), e.getMessage());
        assertEquals(Optional.empty(), s.dependencyRepo(), "an invalid repository is never used");
    }
}
