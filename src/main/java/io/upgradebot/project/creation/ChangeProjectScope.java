package io.upgradebot.project.creation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.github.GitHubException;
import io.upgradebot.github.GitHubGateway;
import io.upgradebot.github.PlannedWrite;
import io.upgradebot.github.WriteKind;
import io.upgradebot.github.WriteQueue;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.project.sync.ProjectWriteOutcomes;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /upgrade repos <project> add|remove <repos…>}: scope changes after creation (runbook "Determine Scope of
 * Impact" keeps going as repositories are found or turn out not to be impacted). Adding follows the creation rules
 * (checked repositories, same issue body, sub-issue link while the roadmap issue has room, board fields); removing
 * explains why on the repository issue and closes it as not planned. Both rewrite the roadmap issue's list.
 */
@ApplicationScoped
public class ChangeProjectScope {

    private final UpgradeBotConfig config;
    private final ResolveRepositories resolver;
    private final PlanProjectWrites planner;
    private final WriteQueue queue;
    private final GitHubGateway github;
    private final ProjectWriteOutcomes outcomes;
    private final StatusMessages statusMessages;
    private final SlackDirectory directory;

    public ChangeProjectScope(UpgradeBotConfig config, ResolveRepositories resolver, PlanProjectWrites planner,
            WriteQueue queue, GitHubGateway github, ProjectWriteOutcomes outcomes,
            StatusMessages statusMessages, SlackDirectory directory) {
        this.config = config;
        this.resolver = resolver;
        this.planner = planner;
        this.queue = queue;
        this.github = github;
        this.outcomes = outcomes;
        this.statusMessages = statusMessages;
        this.directory = directory;
    }

    /** Why a project's scope cannot change. */
    public enum Refusal {
        /** No project has the slug. */
        NO_SUCH_PROJECT,
        /** The project is only a preview: it is created first (its Create it button). */
        PREVIEW,
        /** The project is closed. */
        CLOSED,
        /** The project is finished (Clean Up done): read-only until reopened. */
        FINISHED
    }

    /**
     * What a scope change did (lines for the person), or why it could not, or what it needs.
     *
     * @param refusal     why the scope cannot change (then nothing else is set), or null
     * @param projectName the project's name when refused as a preview or closed, else null
     * @param problem     why the repositories to add could not be resolved (then nothing else is set), or null
     * @param unreachable when not empty and nothing was changed, the person must confirm adding the others
     */
    public record Result(boolean changed, Refusal refusal, String projectName, ResolveRepositories.Problem problem,
            List<RepoLine> lines, List<String> reachable, List<UnreachableRepo> unreachable) {

        Result(boolean changed, List<RepoLine> lines, List<String> reachable, List<UnreachableRepo> unreachable) {
            this(changed, null, null, null, lines, reachable, unreachable);
        }

        static Result refused(Refusal refusal, String projectName) {
            return new Result(false, refusal, projectName, null, List.of(), List.of(), List.of());
        }

        public boolean needsConfirmation() {
            return !changed && !unreachable.isEmpty() && !reachable.isEmpty();
        }
    }

    /** What happened to one repository in a scope change, in words for people ({@code outcome}: no markup). */
    public record RepoLine(String repo, String outcome) {
    }

    /** A scope change told in the project's status thread: who changed it, how, and each repository's line. */
    public record ScopeChange(String userId, Kind kind, List<RepoLine> lines) {
        public enum Kind {
            ADDED, REMOVED
        }

        public ScopeChange {
            lines = List.copyOf(lines);
        }
    }

    /** Adds repositories. With unreachable ones and {@code withoutUnreachable} false, changes nothing and asks. */
    public Result add(String slug, String reposText, String userId, boolean withoutUnreachable) {
        Optional<Result> refused = refusal(slug);
        if (refused.isPresent()) {
            return refused.get();
        }
        ResolveRepositories.Resolution res = resolver.resolve(reposText, config.projects().maxRepositories());
        if (res.problem() != null) {
            return new Result(false, null, null, res.problem(), List.of(), List.of(), List.of());
        }
        if (!res.unreachable().isEmpty() && !withoutUnreachable) {
            return new Result(false, List.of(), res.reachable(), res.unreachable());
        }
        int linkedOnGitHub = linkedOnGitHub(slug);
        String who = directory.person(userId).map(SlackDirectory.Person::name).orElse(userId);
        List<RepoLine> lines = new ArrayList<>();
        boolean changed = QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findBySlug(slug).orElseThrow();
            long inScope = ProjectRepoEntity.count("projectId = ?1 and inScope = true", p.id);
            List<ProjectRepoEntity> fresh = new ArrayList<>();
            boolean any = false;
            for (String repo : res.reachable()) {
                Optional<ProjectRepoEntity> existing = ProjectRepoEntity.find(p.id, repo);
                if (existing.isPresent() && existing.get().inScope) {
                    lines.add(new RepoLine(repo, "already in the project"));
                    continue;
                }
                if (inScope + fresh.size() >= config.projects().maxRepositories()) {
                    lines.add(new RepoLine(repo, "not added, the project holds at most "
                            + config.projects().maxRepositories() + " repositories"));
                    continue;
                }
                if (existing.isPresent()) {
                    // its issue was closed as not planned when it was removed: say why it is back, and reopen it
                    ProjectRepoEntity back = existing.get();
                    back.inScope = true;
                    any = true;
                    if (back.issueNumber == null) {
                        lines.add(new RepoLine(repo, "back in scope"));
                        continue;
                    }
                    int n = writesSoFar(p.slug, ProjectWriteKeys.READD_REOPEN, repo) + 1;
                    String why = "This repository is part of the **" + p.name + "** upgrade again"
                            + (p.roadmapIssueUrl == null ? "" : " (" + p.roadmapIssueUrl + ")") + ": " + who
                            + " added it back to the project's scope in Slack. Reopening this issue.";
                    planner.readd(p, back, why, n, lastRemovalClose(p.slug, repo)).forEach(queue::enqueue);
                    lines.add(new RepoLine(repo, "back in scope; its issue gets a comment and is reopened"));
                    continue;
                }
                ProjectRepoEntity e = new ProjectRepoEntity();
                e.projectId = p.id;
                e.repo = repo;
                e.ownerDoes = "TBD";
                e.inScope = true;
                e.persist();
                fresh.add(e);
                lines.add(new RepoLine(repo, "added, its issue is being created"));
            }
            if (!fresh.isEmpty()) {
                int used = Math.max(linkedOnGitHub, plannedLinks(p.slug));
                planner.forRepos(p, fresh, used).forEach(queue::enqueue);
                any = true;
            } else if (any) {
                outcomes.rewriteChildren(p);
            }
            return any;
        });
        res.unreachable().forEach(u -> lines.add(new RepoLine(u.repo(), "left out, " + u.why())));
        finish(slug, changed, userId, ScopeChange.Kind.ADDED, lines);
        return new Result(changed, lines, res.reachable(), res.unreachable());
    }

    /** Removes repositories from scope: comment + close as not planned, list rewritten. */
    public Result remove(String slug, List<String> repos, String reason, String userId) {
        Optional<Result> refused = refusal(slug);
        if (refused.isPresent()) {
            return refused.get();
        }
        String who = directory.person(userId).map(SlackDirectory.Person::name).orElse(userId);
        List<RepoLine> lines = new ArrayList<>();
        boolean changed = QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findBySlug(slug).orElseThrow();
            boolean any = false;
            for (String repo : repos) {
                Optional<ProjectRepoEntity> found = ProjectRepoEntity.find(p.id, repo);
                if (found.isEmpty() || !found.get().inScope) {
                    lines.add(new RepoLine(repo, "not in the project"));
                    continue;
                }
                ProjectRepoEntity r = found.get();
                r.inScope = false;
                any = true;
                Optional<GitHubWriteEntity> creation = GitHubWriteEntity
                        .findByKey(ProjectWriteKeys.repoIssue(p.slug, r.repo));
                if (r.issueNumber == null
                        && (creation.isEmpty() || creation.get().state == GitHubWriteEntity.State.FAILED)) {
                    lines.add(new RepoLine(r.repo, "removed (it had no issue)"));
                    continue;
                }
                int n = writesSoFar(p.slug, ProjectWriteKeys.REMOVAL_CLOSE, r.repo) + 1;
                String why = "This repository is no longer part of the **" + p.name + "** upgrade"
                        + (p.roadmapIssueUrl == null ? "" : " (" + p.roadmapIssueUrl + ")") + ": " + who
                        + " removed it from the project's scope in Slack"
                        + (reason == null ? "." : ", saying: " + reason.strip())
                        + " Closing this issue as not planned.";
                List<PlannedWrite> writes = planner.removal(p, r, why, n);
                writes.forEach(queue::enqueue);
                lines.add(new RepoLine(r.repo, "removed; its issue gets a comment and is closed as not planned"));
            }
            if (any) {
                outcomes.rewriteChildren(p);
            }
            return any;
        });
        finish(slug, changed, userId, ScopeChange.Kind.REMOVED, lines);
        return new Result(changed, lines, List.of(), List.of());
    }

    /** How many writes of this kind a repository had in the project so far (removals, re-adds: numbered keys). */
    private static int writesSoFar(String slug, String what, String repo) {
        return (int) GitHubWriteEntity.count("idempotencyKey like ?1",
                ProjectWriteKeys.prefix(slug, what) + repo.toLowerCase(java.util.Locale.ROOT) + ":%");
    }

    /** Key of the write that closed the repository's issue at its last removal, unless that write failed. */
    private static String lastRemovalClose(String slug, String repo) {
        int removals = writesSoFar(slug, ProjectWriteKeys.REMOVAL_CLOSE, repo);
        if (removals == 0) {
            return null;
        }
        String key = ProjectWriteKeys.removalClose(slug, repo, removals);
        return GitHubWriteEntity.findByKey(key).filter(w -> w.state != GitHubWriteEntity.State.FAILED)
                .map(w -> key).orElse(null);
    }

    private void finish(String slug, boolean changed, String userId, ScopeChange.Kind kind, List<RepoLine> lines) {
        if (!changed) {
            return;
        }
        queue.wake();
        Long id = QuarkusTransaction.requiringNew()
                .call(() -> UpgradeProjectEntity.findBySlug(slug).map(p -> p.id).orElse(null));
        if (id != null) {
            statusMessages.refresh(id);
            statusMessages.postScopeChange(id, new ScopeChange(userId, kind, lines));
        }
    }

    private Optional<Result> refusal(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<UpgradeProjectEntity> p = UpgradeProjectEntity.findBySlug(slug);
            if (p.isEmpty()) {
                return Optional.of(Result.refused(Refusal.NO_SUCH_PROJECT, null));
            }
            return switch (p.get().state) {
                case PREVIEW -> Optional.of(Result.refused(Refusal.PREVIEW, p.get().name));
                case CLOSED -> Optional.of(Result.refused(Refusal.CLOSED, p.get().name));
                case FINISHED -> Optional.of(Result.refused(Refusal.FINISHED, p.get().name));
                default -> Optional.empty();
            };
        });
    }

    private static int plannedLinks(String slug) {
        // a link is its own write, or part of the write that creates the issue linked
        return (int) (GitHubWriteEntity.count("idempotencyKey like ?1 and state <> ?2",
                ProjectWriteKeys.prefix(slug, ProjectWriteKeys.SUB_ISSUE) + "%", GitHubWriteEntity.State.FAILED)
                + GitHubWriteEntity.count("idempotencyKey like ?1 and kind = ?2 and state <> ?3",
                        ProjectWriteKeys.prefix(slug, ProjectWriteKeys.REPO_ISSUE) + "%",
                        WriteKind.CREATE_ISSUE_LINKED_ON_BOARD.name(), GitHubWriteEntity.State.FAILED));
    }

    /** Sub-issues on GitHub (people may have linked some by hand): they count against the 100 too. */
    private int linkedOnGitHub(String slug) {
        Optional<UpgradeProjectEntity> p = QuarkusTransaction.requiringNew()
                .call(() -> UpgradeProjectEntity.findBySlug(slug));
        if (p.isEmpty() || p.get().roadmapIssueNumber == null) {
            return 0;
        }
        try {
            return github.subIssueIds(p.get().roadmapRepo, p.get().roadmapIssueNumber).size();
        } catch (GitHubException e) {
            return 0; // the planned count still applies; a link over the cap fails alone and is reported
        }
    }
}
