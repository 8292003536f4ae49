package io.upgradebot.project.ownerdoes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A person in Slack picks a level for a repository: checked against the choosing policy, then recorded. Calls
 * Slack and GitHub (membership): after the ack.
 */
@ApplicationScoped
public class ChooseForRepository {

    /**
     * @param refusal why the person may not choose for this repository, saying who can
     */
    public record Outcome(OwnerDoesChoices.Outcome recorded, String repo, Optional<ChoiceRefusal> refusal) {
        public boolean refused() {
            return refusal.isPresent();
        }
    }

    private final ChoicePermissions permissions;
    private final OwnerDoesChoices choices;
    private final SlackDirectory directory;

    public ChooseForRepository(ChoicePermissions permissions, OwnerDoesChoices choices, SlackDirectory directory) {
        this.permissions = permissions;
        this.choices = choices;
        this.directory = directory;
    }

    public Outcome choose(String slackUserId, long projectRepoId, String levelKey) {
        Optional<ProjectRepoEntity> repo = QuarkusTransaction.requiringNew()
                .call(() -> ProjectRepoEntity.<ProjectRepoEntity>findByIdOptional(projectRepoId));
        Optional<UpgradeProjectEntity> project = repo.flatMap(r -> QuarkusTransaction.requiringNew()
                .call(() -> UpgradeProjectEntity.<UpgradeProjectEntity>findByIdOptional(r.projectId)));
        if (repo.isEmpty() || project.isEmpty() || !repo.get().inScope) {
            return new Outcome(OwnerDoesChoices.Outcome.NOT_FOUND, null, Optional.empty());
        }
        Optional<ChoiceRefusal> closed = ChoicePermissions.notOpenForChoices(project.get());
        if (closed.isPresent()) {
            return new Outcome(null, repo.get().repo, closed);
        }
        if (!permissions.mayChoose(slackUserId, project.get(), repo.get())) {
            return new Outcome(null, repo.get().repo, Optional.of(permissions.notAllowed(project.get(), repo.get())));
        }
        String name = directory.person(slackUserId).map(SlackDirectory.Person::name).filter(n -> !n.isBlank())
                .orElse(slackUserId);
        OwnerDoesChoices.Result result = choices.choose(new OwnerDoesChoices.Request(projectRepoId, levelKey,
                slackUserId, name, OwnerDoesChoices.Via.SLACK, null));
        return new Outcome(result.outcome(), repo.get().repo, Optional.empty());
    }

    /** The channel where a refusal is shown to the person (the project channel). */
    public Optional<String> projectChannel(long projectRepoId) {
        return QuarkusTransaction.requiringNew().call(() -> ProjectRepoEntity
                .<ProjectRepoEntity>findByIdOptional(projectRepoId)
                .flatMap(r -> UpgradeProjectEntity.<UpgradeProjectEntity>findByIdOptional(r.projectId))
                .map(p -> p.channelId));
    }
}
