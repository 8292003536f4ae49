package io.upgradebot.project.ownerdoes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upgradebot.config.OwnerDoesConfig;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.project.Orchestrators;
import io.upgradebot.project.OwnerTeams;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.slack.view.ChoiceRefusalText;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The choosing policy: "owners" (owning team + orchestrators) and "channel" (anyone in the channel + orchestrators). */
class ChoicePermissionsTest {

    private final UpgradeProjectEntity project = project();
    private final ProjectRepoEntity archRepo = repo("openedx/edx-platform", "openedx/arch");
    private final ProjectRepoEntity unowned = repo("openedx/orphan", null);

    @Test
    void underOwnersTheOwningTeamAndOrchestratorsChoose() {
        ChoicePermissions p = permissions(OwnerDoesConfig.ChoicePolicy.OWNERS);
        assertTrue(p.mayChoose("U0ARCH1", project, archRepo), "a member of the owning team");
        assertFalse(p.mayChoose("U0OTHER", project, archRepo), "someone else");
        assertFalse(p.mayChoose("U0INCHANNEL", project, archRepo), "being in the channel is not enough");
        assertTrue(p.mayChoose("U0ORCH", project, archRepo), "an orchestrator");
        assertFalse(p.mayChoose("U0ARCH1", project, unowned), "nobody owns it: only orchestrators");
        assertTrue(p.mayChoose("U0ORCH", project, unowned));
        assertEquals("members of <!subteam^S0ARCH> (the owning team, `openedx/arch`) or an orchestrator (<@U0ORCH>)",
                ChoiceRefusalText.whoCan(p.whoCan(project, archRepo)));
        assertEquals("its owning team, which is not known yet, so only an orchestrator (<@U0ORCH>)",
                ChoiceRefusalText.whoCan(p.whoCan(project, unowned)));
    }

    @Test
    void underChannelAnyoneInTheProjectChannelChooses() {
        ChoicePermissions p = permissions(OwnerDoesConfig.ChoicePolicy.CHANNEL);
        assertTrue(p.mayChoose("U0INCHANNEL", project, archRepo));
        assertTrue(p.mayChoose("U0INCHANNEL", project, unowned));
        assertFalse(p.mayChoose("U0ARCH1", project, archRepo), "team members outside the channel do not");
        assertTrue(p.mayChoose("U0ORCH", project, archRepo));
        assertEquals("anyone in <#C0UPGRADES> or an orchestrator (<@U0ORCH>)",
                ChoiceRefusalText.whoCan(p.whoCan(project, archRepo)));
    }

    private static ChoicePermissions permissions(OwnerDoesConfig.ChoicePolicy policy) {
        OwnerDoesConfig config = config(policy, "openedx/arch = S0ARCH");
        SlackDirectory directory = new SlackDirectory() {
            public Optional<Person> person(String userId) {
                return Optional.empty();
            }

            public Optional<String> userIdByEmail(String email) {
                return Optional.empty();
            }

            public List<String> userGroupMembers(String userGroupId) {
                return userGroupId.equals("S0ARCH") ? List.of("U0ARCH1", "U0ARCH2") : List.of();
            }

            public List<String> channelMembers(String channelId) {
                return channelId.equals("C0UPGRADES") ? List.of("U0INCHANNEL") : List.of();
            }
        };
        UpgradeBotConfig bot = proxy(UpgradeBotConfig.class, Map.of("orchestrators", Optional.of(List.of("U0ORCH")),
                "orchestratorGroup", Optional.empty()));
        OwnerTeams teams = new OwnerTeams(config, directory, null, java.time.Clock.systemUTC());
        return new ChoicePermissions(config, new Orchestrators(bot, directory), teams, directory);
    }

    static OwnerDoesConfig config(OwnerDoesConfig.ChoicePolicy policy, String slackTable) {
        OwnerDoesConfig.Owners owners = proxy(OwnerDoesConfig.Owners.class, Map.of("slack", Optional.of(slackTable),
                "mapping", Optional.empty(), "mappingFile", Optional.empty(), "githubLookup", false,
                "cacheTtl", Duration.ofMinutes(10)));
        return proxy(OwnerDoesConfig.class, Map.of("choicePolicy", policy, "owners", owners,
                "serviceLevels", Optional.empty()));
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, m, args) -> {
            if (!answers.containsKey(m.getName())) {
                throw new UnsupportedOperationException(m.getName());
            }
            return answers.get(m.getName());
        });
    }

    private static UpgradeProjectEntity project() {
        UpgradeProjectEntity p = new UpgradeProjectEntity();
        p.id = 1L;
        p.name = "Django 5.2";
        p.channelId = "C0UPGRADES";
        return p;
    }

    private static ProjectRepoEntity repo(String name, String team) {
        ProjectRepoEntity r = new ProjectRepoEntity();
        r.repo = name;
        r.ownerTeam = team;
        r.projectId = 1L;
        return r;
    }
}
