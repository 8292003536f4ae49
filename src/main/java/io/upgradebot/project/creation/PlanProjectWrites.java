package io.upgradebot.project.creation;

import io.upgradebot.config.BoardSettings;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.BodySections;
import io.upgradebot.domain.ChildIssue;
import io.upgradebot.domain.Markers;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.domain.RepoIssueBody;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.domain.RepoRef;
import io.upgradebot.domain.RoadmapIssueBody;
import io.upgradebot.domain.RoadmapSummary;
import io.upgradebot.domain.RunbookChecklist;
import io.upgradebot.github.GitHubGateway;
import io.upgradebot.github.PayloadRefs;
import io.upgradebot.github.PlannedWrite;
import io.upgradebot.github.WritePayload;
import io.upgradebot.github.WritePayload.Num;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.project.checklist.BoardViewLinks;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every GitHub write of a project, as {@link PlannedWrite}s for the queue (runbook "Determine Scope of Impact",
 * step 2). Planning only: the one thing it asks GitHub
 * (once per process) is which way of creating issues it offers.
 *
 * <p>Order is the order people see things appear: milestone and board options first (so the roadmap issue can be
 * created with its milestone and the checklist can say the Project value exists), the roadmap issue, every
 * repository issue, then the sub-issue links, then the board items and their fields. Values only known once an
 * earlier write ran (the roadmap issue's number, a child's numeric id, an issue's node id, a board item id) are
 * {@code ${ref:KEY#field}} references the queue resolves, and a write waits for the writes it refers to.
 *
 * <p>Where GitHub's {@code createIssue} takes a parent and a board (github.com; asked once per process), a repository
 * issue that gets a sub-issue link costs two writes instead of about seven: one creates, links and adds it to the
 * board, one sets all its board values. Past the 100 sub-issues of the roadmap issue, for another owner's
 * repository, and on a GitHub Enterprise Server without those inputs, each step is its own write as before.
 */
@ApplicationScoped
public class PlanProjectWrites {

    /** GitHub: at most 100 sub-issues per parent issue, closed ones included. */
    public static final int SUB_ISSUE_CAP = 100;

    private final UpgradeBotConfig config;
    private final BoardSettings boards;
    private final Instance<OwnerDoesLevels> levels;
    private final RunbookChecklist checklist;
    /** Field-injected so the constructor other features call stays as it is. */
    @Inject
    BoardViewLinks boardViews;
    private final GitHubGateway github;

    public PlanProjectWrites(UpgradeBotConfig config, BoardSettings boards, Instance<OwnerDoesLevels> levels,
            GitHubGateway github) {
        this.github = github;
        this.config = config;
        this.boards = boards;
        this.levels = levels;
        this.checklist = RunbookChecklist.load();
    }

    /** The boards the writes go to. */
    public BoardSettings boards() {
        return boards;
    }

    public String roadmapTitle(UpgradeProjectEntity p) {
        return p.name.toLowerCase(Locale.ROOT).contains("upgrade") ? p.name : p.name + " upgrade";
    }

    public String repoIssueTitle(UpgradeProjectEntity p) {
        return roadmapTitle(p);
    }

    /** Field → value every repository item gets on the board (Owner is added per repository when known). */
    public Map<String, String> boardValues(UpgradeProjectEntity p) {
        Map<String, String> values = new LinkedHashMap<>();
        if (boards.boardName().isEmpty()) {
            return values;
        }
        var b = config.board();
        values.put(b.projectField(), p.name);
        if (p.orchestrationTeam != null) {
            values.put(b.sourceField(), p.orchestrationTeam);
        }
        values.put(b.ownerDoesField(),
                (levels.isResolvable() ? levels.get() : OwnerDoesLevels.defaults()).tbd().label());
        values.put(b.statusField(), b.statusTodo());
        return values;
    }

    /** How many of {@code repos} get a sub-issue link, given {@code used} links the roadmap issue has already. */
    public int subIssueLinks(UpgradeProjectEntity p, List<ProjectRepoEntity> repos, int used) {
        int n = 0;
        for (ProjectRepoEntity r : repos) {
            if (used + n < SUB_ISSUE_CAP && sameOwner(p, r.repo)) {
                n++;
            }
        }
        return n;
    }

    /** The first batch: everything {@code /upgrade new} writes. */
    public List<PlannedWrite> initial(UpgradeProjectEntity p, List<ProjectRepoEntity> repos) {
        List<PlannedWrite> writes = new ArrayList<>();
        boolean board = boards.boardName().isPresent();
        if (p.releaseName != null) {
            writes.add(write(ProjectWriteKeys.milestone(p.slug), p,
                    new WritePayload.EnsureMilestone(p.roadmapRepo, p.releaseName)));
        }
        if (board) {
            writes.addAll(boardOptions(p));
        }
        writes.add(roadmapIssue(p, board));
        writes.addAll(roadmapBoardWrites(p));
        writes.addAll(forRepos(p, repos, 0));
        return writes;
    }

    /**
     * Writes for repositories added to a project (at creation or later with {@code /upgrade repos … add}):
     * their issues, sub-issue links while the roadmap issue has room ({@code usedSubIssueLinks} taken), board
     * item and fields.
     */
    public List<PlannedWrite> forRepos(UpgradeProjectEntity p, List<ProjectRepoEntity> repos, int usedSubIssueLinks) {
        List<PlannedWrite> issues = new ArrayList<>();
        List<PlannedWrite> links = new ArrayList<>();
        List<PlannedWrite> items = new ArrayList<>();
        List<PlannedWrite> fields = new ArrayList<>();
        String roadmapKey = ProjectWriteKeys.roadmap(p.slug);
        int linked = usedSubIssueLinks;
        // asked once per process (a GraphQL introspection at the first project), not per repository
        boolean oneRequest = !repos.isEmpty() && github.linkedCreateSupported();
        for (ProjectRepoEntity r : repos) {
            RepoRef repo = RepoRef.parse(r.repo);
            String issueKey = ProjectWriteKeys.repoIssue(p.slug, r.repo);
            if (oneRequest && linked < SUB_ISSUE_CAP && sameOwner(p, r.repo)) {
                // create, link and add to the board in one request; every board value in one more
                linked++;
                issues.add(linkedIssue(p, r, repo, issueKey));
                if (boards.boardName().isPresent()) {
                    fields.add(setFields(p, r, issueKey));
                }
                continue;
            }
            issues.add(write(issueKey, p, new WritePayload.CreateIssue(repo.fullName(), repoIssueTitle(p),
                    RepoIssueBody.render(p.slug, p.name, repo, ref(roadmapKey, "url")),
                    Markers.repoIssue(p.slug, repo))));
            // GitHub: 100 sub-issues per parent and the same owner only; the roadmap body lists every child anyway
            if (linked < SUB_ISSUE_CAP && sameOwner(p, r.repo)) {
                linked++;
                links.add(write(ProjectWriteKeys.subIssue(p.slug, r.repo), p, new WritePayload.AddSubIssue(
                        p.roadmapRepo, Num.ref(roadmapKey, "number"), Num.ref(issueKey, "id"))));
            }
            if (boards.boardName().isPresent()) {
                String itemKey = ProjectWriteKeys.boardItem(p.slug, r.repo);
                items.add(write(itemKey, p, new WritePayload.AddBoardItem(boardOrg(), boardNumber(),
                        ref(issueKey, "node_id"))));
                Map<String, String> values = boardValues(p);
                if (r.ownerTeam != null) {
                    values.put(config.board().ownerField(), r.ownerTeam);
                }
                values.forEach((field, value) -> fields.add(setField(p, r.repo, itemKey, field, value)));
            }
        }
        List<PlannedWrite> all = new ArrayList<>(issues);
        all.addAll(links);
        all.addAll(items);
        all.addAll(fields);
        return all;
    }

    private PlannedWrite linkedIssue(UpgradeProjectEntity p, ProjectRepoEntity r, RepoRef repo, String issueKey) {
        String roadmapKey = ProjectWriteKeys.roadmap(p.slug);
        boolean board = boards.boardName().isPresent();
        return write(issueKey, p, new WritePayload.CreateIssueLinkedOnBoard(repo.fullName(), repoIssueTitle(p),
                RepoIssueBody.render(p.slug, p.name, repo, ref(roadmapKey, "url")), Markers.repoIssue(p.slug, repo),
                null, null, ref(roadmapKey, "node_id"), board ? boardOrg() : null, board ? boardNumber() : null));
    }

    /** The repository's first board values, as {@link #setField} plans them one by one, in one write. */
    private PlannedWrite setFields(UpgradeProjectEntity p, ProjectRepoEntity r, String issueKey) {
        Map<String, String> values = boardValues(p);
        if (r.ownerTeam != null) {
            values.put(config.board().ownerField(), r.ownerTeam);
        }
        Map<String, String> optionKeys = optionKeys(p);
        List<WritePayload.SetBoardFields.FieldValue> list = new ArrayList<>();
        values.forEach((field, value) -> {
            String optionKey = optionKeys.get(field);
            list.add(new WritePayload.SetBoardFields.FieldValue(field, value,
                    optionKey == null ? null : ref(optionKey, "option_id")));
        });
        return write(ProjectWriteKeys.boardFields(p.slug, r.repo), p, new WritePayload.SetBoardFields(boardOrg(),
                boardNumber(), ref(issueKey, "item_id"), List.copyOf(list)));
    }

    /** The roadmap issue's item on the roadmap board and its values, when a roadmap board is configured. */
    private List<PlannedWrite> roadmapBoardWrites(UpgradeProjectEntity p) {
        if (boards.roadmapBoardName().isEmpty()) {
            return List.of();
        }
        var b = config.roadmapBoard();
        String org = b.org().get();
        Num number = Num.of(b.number().getAsInt());
        String itemKey = ProjectWriteKeys.roadmapBoardItem(p.slug);
        List<PlannedWrite> writes = new ArrayList<>();
        writes.add(write(itemKey, p, new WritePayload.AddBoardItem(org, number,
                ref(ProjectWriteKeys.roadmap(p.slug), "node_id"))));
        boards.roadmapBoardValues()
                .forEach((field, option) -> writes.add(write(ProjectWriteKeys.roadmapBoardField(p.slug, field),
                        p, new WritePayload.SetBoardField(org, number, ref(itemKey, "item_id"), field, option, null))));
        return writes;
    }

    private PlannedWrite setField(UpgradeProjectEntity p, String repo, String itemKey, String field, String value) {
        String optionKey = optionKeys(p).get(field);
        // the option this project added: wait for it (a reference is how the queue orders writes)
        String optionId = optionKey == null ? null : ref(optionKey, "option_id");
        return write(ProjectWriteKeys.boardField(p.slug, repo, field, 0), p, new WritePayload.SetBoardField(boardOrg(),
                boardNumber(), ref(itemKey, "item_id"), field, value, optionId));
    }

    /** Options this project makes sure exist on the board: Project = its name, Source = its team, Owner Does = TBD. */
    private Map<String, String> optionKeys(UpgradeProjectEntity p) {
        Map<String, String> keys = new LinkedHashMap<>();
        var b = config.board();
        keys.put(b.projectField(), ProjectWriteKeys.boardOption(p.slug, b.projectField()));
        if (p.orchestrationTeam != null) {
            keys.put(b.sourceField(), ProjectWriteKeys.boardOption(p.slug, b.sourceField()));
        }
        keys.put(b.ownerDoesField(), ProjectWriteKeys.boardOption(p.slug, b.ownerDoesField()));
        return keys;
    }

    private List<PlannedWrite> boardOptions(UpgradeProjectEntity p) {
        List<PlannedWrite> writes = new ArrayList<>();
        Map<String, String> values = boardValues(p);
        optionKeys(p).forEach((field, key) -> writes.add(write(key, p,
                new WritePayload.EnsureBoardOption(boardOrg(), boardNumber(), field, values.get(field)))));
        return writes;
    }

    private PlannedWrite roadmapIssue(UpgradeProjectEntity p, boolean board) {
        Set<String> ticked = new LinkedHashSet<>(List.of(RunbookChecklist.CREATE_ROADMAP_ISSUE,
                RunbookChecklist.ADD_CHECKLIST, RunbookChecklist.SELECT_ORCHESTRATION_TEAM,
                RunbookChecklist.NAME_ORCHESTRATION_TEAM));
        if (config.roadmapLabels().stream().anyMatch(l -> l.equalsIgnoreCase("maintenance"))) {
            ticked.add(RunbookChecklist.ADD_MAINTENANCE_LABEL);
        }
        if (p.releaseName != null) {
            ticked.add(RunbookChecklist.SET_MILESTONE);
        }
        if (p.completionDate != null && (p.completionReason != null || p.createdBy != null)) {
            ticked.add(RunbookChecklist.EXPLICIT_COMPLETION_DATE);
        }
        if (board) {
            // planned before the roadmap issue, so it exists when the issue does
            ticked.add(RunbookChecklist.CREATE_PROJECT_FIELD_VALUE);
        }
        if (boards.roadmapBoardName().isPresent()) {
            // planned right after the issue (it needs the issue's id); a failure shows in the summary, with a retry
            ticked.add(RunbookChecklist.ADD_TO_ROADMAP_BOARD);
        }
        if (p.docsUrl != null) {
            ticked.add(RunbookChecklist.LINK_DOCS_FROM_ROADMAP);
        }
        Num milestone = p.releaseName == null ? null : Num.ref(ProjectWriteKeys.milestone(p.slug), "number");
        Map<String, String> notes = boardViews.of(p.name).map(url -> Map.of(RunbookChecklist.CREATE_BOARD_VIEW,
                "Start from [this project's issues on the board](" + url + ") and save it as a view"))
                .orElse(Map.of());
        return write(ProjectWriteKeys.roadmap(p.slug), p, new WritePayload.CreateIssue(p.roadmapRepo, roadmapTitle(p),
                RoadmapIssueBody.render(summary(p), checklist.render(ticked, notes), List.of()),
                Markers.roadmap(p.slug),
                List.copyOf(config.roadmapLabels()), milestone));
    }

    RoadmapSummary summary(UpgradeProjectEntity p) {
        return new RoadmapSummary(p.name, p.slug, p.dependency == null ? p.name : p.dependency,
                p.currentVersion == null ? "?" : p.currentVersion, p.targetVersion == null ? "?" : p.targetVersion,
                p.completionDate, completionReason(p), p.releaseName, p.orchestrationTeam, p.docsUrl, List.of(),
                boardViews.of(p.name).orElse(null));
    }

    /** The stored reason, else (a date the creator chose without one) who chose it, in GitHub's words. */
    private static String completionReason(UpgradeProjectEntity p) {
        if (p.completionReason != null || p.completionDate == null || p.createdBy == null) {
            return p.completionReason;
        }
        return "Date chosen in Slack by the project's creator when creating the project.";
    }

    /**
     * The n-th rewrite of the roadmap issue's child list: every in-scope repository whose issue exists. Rendered
     * against the body the bot wrote, so the list is as compact as GitHub's body limit requires.
     */
    public PlannedWrite children(UpgradeProjectEntity p, List<ProjectRepoEntity> repos, int n) {
        List<ChildIssue> children = new ArrayList<>();
        for (ProjectRepoEntity r : repos) {
            if (r.inScope && r.issueNumber != null) {
                boolean closed = r.issueState == RepoIssueState.CLOSED;
                children.add(new ChildIssue(RepoRef.parse(r.repo), r.issueNumber, closed,
                        closed ? r.issueCloseReason : null));
            }
        }
        String body = RoadmapIssueBody.render(summary(p), checklist.render(Set.of()), List.of());
        String content = BodySections.read(RoadmapIssueBody.replaceChildren(body, children, p.slug),
                RoadmapIssueBody.CHILDREN).orElse("");
        Num number = p.roadmapIssueNumber != null
                ? Num.of(p.roadmapIssueNumber)
                : Num.ref(ProjectWriteKeys.roadmap(p.slug), "number");
        return write(ProjectWriteKeys.children(p.slug, n), p, new WritePayload.ReplaceBodySection(p.roadmapRepo, number,
                RoadmapIssueBody.CHILDREN, content));
    }

    /** Taking a repository out of scope: a comment saying why, then closing its issue as not planned. */
    /**
     * A removed repository added back: a comment saying so, then its issue reopened ({@code n}-th time), after the
     * write that closed it ({@code closedBy}, when still to run or done) so the two cannot pass each other.
     */
    public List<PlannedWrite> readd(UpgradeProjectEntity p, ProjectRepoEntity r, String why, int n, String closedBy) {
        String marker = Markers.comment("scope-readded", String.valueOf(n));
        Num number = r.issueNumber == null ? null : Num.of(r.issueNumber);
        String[] after = closedBy == null ? new String[0] : new String[]{closedBy};
        return List.of(PlannedWrite.of(ProjectWriteKeys.readdComment(p.slug, r.repo, n), p.id,
                new WritePayload.Comment(r.repo, number, why + "\n\n" + marker, marker), after),
                PlannedWrite.of(ProjectWriteKeys.readdReopen(p.slug, r.repo, n), p.id,
                        new WritePayload.ReopenIssue(r.repo, number), after));
    }

    public List<PlannedWrite> removal(UpgradeProjectEntity p, ProjectRepoEntity r, String why, int n) {
        String issueKey = ProjectWriteKeys.repoIssue(p.slug, r.repo);
        Num number = r.issueNumber != null ? Num.of(r.issueNumber) : Num.ref(issueKey, "number");
        String marker = Markers.comment("scope-removed", String.valueOf(n));
        return List.of(write(ProjectWriteKeys.removalComment(p.slug, r.repo, n), p,
                new WritePayload.Comment(r.repo, number, why + "\n\n" + marker, marker)),
                write(ProjectWriteKeys.removalClose(p.slug, r.repo, n), p,
                        new WritePayload.CloseIssue(r.repo, number, "not_planned")));
    }

    private String boardOrg() {
        return config.board().org().orElseThrow();
    }

    private Num boardNumber() {
        return Num.of(config.board().number().getAsInt());
    }

    static boolean sameOwner(UpgradeProjectEntity p, String repo) {
        return RepoRef.parse(p.roadmapRepo).owner().equalsIgnoreCase(RepoRef.parse(repo).owner());
    }

    private static PlannedWrite write(String key, UpgradeProjectEntity p, WritePayload payload) {
        return PlannedWrite.of(key, p.id, payload);
    }

    static String ref(String key, String field) {
        return PayloadRefs.ref(key, field);
    }
}
