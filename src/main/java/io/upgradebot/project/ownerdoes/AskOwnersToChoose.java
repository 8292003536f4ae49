package io.upgradebot.project.ownerdoes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.domain.RunbookChecklist;
import io.upgradebot.project.ChoiceNotifier;
import io.upgradebot.project.OwnerTeams;
import io.upgradebot.project.checklist.ChecklistTicks;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The runbook's "Clarify Distribution of Work" announcement: finds the owners still unknown, then posts in the
 * project channel what the upgrade is, its completion date, the link to the upgrade instructions and the request
 * to choose a level for each repository, mentioning the owning teams, with the button that opens the choices.
 *
 * <p>Reads GitHub (owner files): run after the Slack ack.
 */
@ApplicationScoped
public class AskOwnersToChoose {

    private static final Logger LOG = Logger.getLogger(AskOwnersToChoose.class);

    public record Asked(String channelId, String ts, int repositories, int unknownOwners) {
    }

    private final ResolveRepositoryOwners owners;
    private final OwnerTeams teams;
    private final OwnerDoesLevels levels;
    private final ChoiceNotifier notifier;
    private final StatusMessages statusMessages;
    /** Field-injected so the constructor other features call stays as it is. */
    @Inject
    ChecklistTicks checklist;

    public AskOwnersToChoose(ResolveRepositoryOwners owners, OwnerTeams teams, OwnerDoesLevels levels,
            ChoiceNotifier notifier, StatusMessages statusMessages) {
        this.owners = owners;
        this.teams = teams;
        this.levels = levels;
        this.notifier = notifier;
        this.statusMessages = statusMessages;
    }

    public Asked ask(long projectId) {
        return ask(projectId, null);
    }

    /** Asks, the announcement carrying {@code deliveryKey} (a scheduled ask, so a recovered firing can find it). */
    public Asked ask(long projectId, String deliveryKey) {
        owners.resolveMissing(projectId);
        UpgradeProjectEntity project = QuarkusTransaction.requiringNew()
                .call(() -> UpgradeProjectEntity.<UpgradeProjectEntity>findById(projectId));
        List<ProjectRepoEntity> repos = QuarkusTransaction.requiringNew()
                .call(() -> ProjectRepoEntity.inScopeOf(projectId));
        Map<String, Integer> perTeam = new LinkedHashMap<>();
        Map<String, String> orgOf = new LinkedHashMap<>();
        int unknown = 0;
        for (ProjectRepoEntity r : repos) {
            if (r.ownerTeam == null) {
                unknown++;
            } else {
                perTeam.merge(r.ownerTeam, 1, Integer::sum);
                orgOf.putIfAbsent(r.ownerTeam, ChoicePermissions.org(r.repo));
            }
        }
        List<ChoiceNotifier.TeamRepos> teamRepos = new ArrayList<>();
        perTeam.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> teamRepos.add(new ChoiceNotifier.TeamRepos(
                        teams.audience(e.getKey(), orgOf.get(e.getKey())), e.getValue())));
        String channel = project.channelId;
        String ts = notifier.announce(new ChoiceNotifier.Announcement(project.id, project.name, channel,
                project.dependency, project.currentVersion, project.targetVersion, project.completionDate,
                project.completionReason, project.docsUrl, project.roadmapIssueUrl, project.orchestrationTeam,
                repos.size(), teamRepos, unknown, levels.choosable()), deliveryKey);
        try {
            statusMessages.refresh(projectId);
        } catch (RuntimeException e) {
            // the announcement is out; the status message catches up at the next choice
        }
        try {
            checklist.botTick(projectId, Set.of(RunbookChecklist.SEND_ANNOUNCEMENT));
        } catch (RuntimeException e) {
            LOG.warnf("announcement of project %d sent, its checklist item not ticked: %s", projectId, e.toString());
        }
        return new Asked(channel, ts, repos.size(), unknown);
    }
}
