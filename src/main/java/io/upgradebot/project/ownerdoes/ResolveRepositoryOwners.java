package io.upgradebot.project.ownerdoes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.OwnerDoesConfig;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.OwnerMapping;
import io.upgradebot.domain.OwnerResolution;
import io.upgradebot.domain.OwnerResolver;
import io.upgradebot.domain.RepoRef;
import io.upgradebot.github.GitHubException;
import io.upgradebot.github.GitHubGateway;
import io.upgradebot.github.PlannedWrite;
import io.upgradebot.github.WritePayload;
import io.upgradebot.github.WritePayload.Num;
import io.upgradebot.github.WriteQueue;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.store.ProjectRepoEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Finds each repository's owning team ("Who owns what"): the repository's Backstage
 * {@code catalog-info.yaml} ({@code spec.owner}), then its CODEOWNERS, then the bot's mapping
 * ({@code upgrade-bot.owners.mapping} / {@code mapping-file}); otherwise unknown, never guessed. A found owner is
 * stored on the project's repository row and written to the board's Owner field and to the repository issue,
 * through the write queue.
 *
 * <p>Reads GitHub: call it after the Slack ack, never on a request thread.
 */
@ApplicationScoped
public class ResolveRepositoryOwners {

    private static final Logger LOG = Logger.getLogger(ResolveRepositoryOwners.class);

    /** Where GitHub itself looks for CODEOWNERS, in GitHub's order: the first file found is the one in force. */
    static final List<String> CODEOWNERS_PATHS = List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");
    static final String CATALOG_INFO_PATH = "catalog-info.yaml";

    private final GitHubGateway github;
    private final WriteQueue writes;
    private final OwnerDoesConfig config;
    private final UpgradeBotConfig botConfig;
    private final BoardFieldWrites board;
    private final Clock clock;

    public ResolveRepositoryOwners(GitHubGateway github, WriteQueue writes, OwnerDoesConfig config,
            UpgradeBotConfig botConfig, BoardFieldWrites board, Clock clock) {
        this.board = board;
        this.clock = clock;
        this.github = github;
        this.writes = writes;
        this.config = config;
        this.botConfig = botConfig;
    }

    /**
     * The repository's owner, from its files or the mapping. When GitHub cannot be read just now (rate limit,
     * outage) the answer is unknown rather than a lower-precedence source: a later run finds the right one.
     */
    public OwnerResolution resolve(RepoRef repo) {
        try {
            return resolveOrThrow(repo);
        } catch (GitHubException e) {
            LOG.infof("%s: owner files not readable now (%s); owner left unknown for now", repo.fullName(),
                    e.getMessage());
            return OwnerResolution.unknown();
        }
    }

    private OwnerResolution resolveOrThrow(RepoRef repo) {
        Optional<String> catalog = read(repo, CATALOG_INFO_PATH);
        if (catalog.isPresent()) {
            OwnerResolution fromCatalog = OwnerResolver.resolve(catalog, Optional.empty(), OwnerMapping.empty(), repo);
            if (fromCatalog.isKnown()) {
                return fromCatalog;
            }
        }
        Optional<String> codeowners = Optional.empty();
        for (String path : CODEOWNERS_PATHS) {
            codeowners = read(repo, path);
            if (codeowners.isPresent()) {
                break;
            }
        }
        return OwnerResolver.resolve(catalog, codeowners, mapping(), repo);
    }

    /**
     * Resolves every in-scope repository of the project whose owner is not known yet (unknown ones are tried
     * again: a CODEOWNERS file may have appeared). Answers how many owners are known afterwards.
     */
    public int resolveMissing(long projectId) {
        List<ProjectRepoEntity> repos = QuarkusTransaction.requiringNew()
                .call(() -> ProjectRepoEntity.inScopeOf(projectId));
        int known = 0;
        for (ProjectRepoEntity r : repos) {
            if (r.ownerTeam != null) {
                known++;
                continue;
            }
            Optional<RepoRef> ref = RepoRef.tryParse(r.repo);
            if (ref.isEmpty()) {
                continue;
            }
            OwnerResolution found = resolve(ref.get());
            if (found.isKnown()) {
                record(r.id, found);
                known++;
            }
        }
        return known;
    }

    /**
     * Stores the owner and queues its writes to the board's Owner field and the issue's "owner" section, unless
     * it is already the stored one (a re-run writes nothing).
     */
    public void record(long projectRepoId, OwnerResolution found) {
        if (!found.isKnown()) {
            return;
        }
        String team = found.team().get();
        boolean queued = QuarkusTransaction.requiringNew().call(() -> {
            ProjectRepoEntity r = ProjectRepoEntity.findById(projectRepoId);
            if (r == null || Objects.equals(r.ownerTeam, team) && Objects.equals(r.ownerSource, found.source())) {
                return false;
            }
            r.ownerTeam = team;
            r.ownerSource = found.source();
            String change = ProjectWriteKeys.ownerChange(r.id, team, clock.millis());
            queueBoardOwner(r, team, change);
            if (r.issueNumber != null) {
                writes.enqueue(PlannedWrite.of(ProjectWriteKeys.ownerIssue(change), r.projectId,
                        new WritePayload.ReplaceBodySection(r.repo, Num.of(r.issueNumber), "owner",
                                "**Owning team:** `" + team + "` (found in " + describe(found.source()) + ")")));
            }
            return true;
        });
        if (queued) {
            writes.wake();
        }
    }

    private void queueBoardOwner(ProjectRepoEntity r, String team, String change) {
        board.set(r.projectId, r.boardItemId, botConfig.board().ownerField(), team,
                ProjectWriteKeys.ownerBoard(change));
    }

    static String describe(String source) {
        return switch (source) {
            case OwnerResolution.CATALOG_INFO -> "catalog-info.yaml";
            case OwnerResolution.CODEOWNERS -> "CODEOWNERS";
            case OwnerResolution.MAPPING -> "the upgrade bot's owner mapping";
            default -> source;
        };
    }

    private OwnerMapping mapping() {
        StringBuilder text = new StringBuilder(config.owners().mapping().orElse(""));
        config.owners().mappingFile().filter(f -> !f.isBlank()).ifPresent(file -> {
            try {
                text.append('\n').append(Files.readString(Path.of(file)));
            } catch (Exception e) {
                LOG.errorf("upgrade-bot.owners.mapping-file %s cannot be read (%s): using the inline mapping only",
                        file, e.getMessage());
            }
        });
        try {
            return OwnerMapping.parse(text.toString());
        } catch (IllegalArgumentException e) {
            LOG.errorf("upgrade-bot.owners.mapping: %s; the mapping is not used until it is fixed", e.getMessage());
            return OwnerMapping.empty();
        }
    }

    private Optional<String> read(RepoRef repo, String path) {
        return github.fileContent(repo.fullName(), path);
    }
}
