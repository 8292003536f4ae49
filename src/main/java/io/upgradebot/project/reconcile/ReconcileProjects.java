package io.upgradebot.project.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.github.GitHubException;
import io.upgradebot.github.GitHubGateway;
import io.upgradebot.github.GitHubTypes;
import io.upgradebot.github.IssueBoardStateReader;
import io.upgradebot.github.IssueBoardStateReader.BoardItem;
import io.upgradebot.github.IssueBoardStateReader.IssueState;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.project.ownerdoes.OwnerDoesChoices;
import io.upgradebot.project.sync.GitHubWebhookEvent;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.OwnerDoesChoiceEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.ReconcileFindingEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The pass that finds what webhooks missed (GitHub does not retry a failed delivery): per active project, the state
 * of every repository issue and its Owner Does value on the configured board, read in batches of 100
 * ({@link IssueBoardStateReader}): ⌈N/100⌉ requests for N repositories, plus one for the board. Reads only; what it
 * heals goes the way the webhooks go, so both paths end the same:
 * <ul>
 *   <li>an issue closed or reopened is replayed as the {@code issues} event GitHub would have delivered, to the same
 *       observers (the bot's state, the status message, the roadmap issue's child list, the thread line);</li>
 *   <li>an Owner Does value a person set on the board is recorded as their choice via GitHub
 *       ({@link OwnerDoesChoices}, which keeps a newer Slack choice); a value the bot itself wrote and that is no
 *       longer the current choice is written again, once per choice;</li>
 *   <li>a board item a person removed, an issue deleted or transferred: told once in the status thread (remembered
 *       in {@link ReconcileFindingEntity}), never undone: people removed it on purpose, or must decide.</li>
 * </ul>
 * Nothing is healed while the bot's own write of the same thing is still queued: that write is the newer intent.
 */
@ApplicationScoped
public class ReconcileProjects {

    private static final Logger LOG = Logger.getLogger(ReconcileProjects.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Clock difference tolerated between GitHub's edit times and our write times. */
    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);
    private static final Pattern OWNER_DOES_BOARD_KEY = Pattern.compile("^owner-does:board:r(\\d+):.*$");
    private static final List<GitHubWriteEntity.State> IN_FLIGHT = List.of(GitHubWriteEntity.State.PENDING,
            GitHubWriteEntity.State.RUNNING);

    private final IssueBoardStateReader reader;
    private final GitHubGateway github;
    private final UpgradeBotConfig config;
    private final OwnerDoesLevels levels;
    private final OwnerDoesChoices choices;
    private final Event<GitHubWebhookEvent> events;
    private final ReconcileNotifier notifier;
    private final Clock clock;

    public ReconcileProjects(IssueBoardStateReader reader, GitHubGateway github, UpgradeBotConfig config,
            OwnerDoesLevels levels, OwnerDoesChoices choices, Event<GitHubWebhookEvent> events,
            ReconcileNotifier notifier, Clock clock) {
        this.reader = reader;
        this.github = github;
        this.config = config;
        this.levels = levels;
        this.choices = choices;
        this.events = events;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** The periodic pass: every active project; stops at GitHub's rate limit (the next firing goes on). */
    public List<ReconcileReport> reconcileActive() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity
                .<UpgradeProjectEntity>list("state = ?1 order by id", ProjectState.ACTIVE).stream().map(p -> p.id)
                .toList());
        List<ReconcileReport> reports = new ArrayList<>();
        Board board = null;
        for (long id : ids) {
            try {
                if (board == null) {
                    board = readBoard(); // once for the whole pass: the board is the same for every project
                }
                ReconcileReport report = reconcile(id, board);
                reports.add(report);
                if (report.retryAt() != null || report.stopped() != null && report.stopped().contains("rate limit")) {
                    LOG.infof("reconciliation paused at GitHub's rate limit; the next firing goes on");
                    break;
                }
            } catch (GitHubException.RateLimited limited) {
                LOG.infof("reconciliation paused at GitHub's rate limit (retry at %s)", limited.retryAt()
                        .map(Instant::toString).orElse("unknown"));
                break;
            } catch (RuntimeException e) {
                // one project that cannot be read does not stop the others
                LOG.warnf("project %d not reconciled: %s", id, e.toString());
            }
        }
        return reports;
    }

    /** One project now ({@code /upgrade sync}); empty when it does not exist. */
    public Optional<ReconcileReport> reconcile(long projectId) {
        Optional<ProjectState> state = QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity
                .<UpgradeProjectEntity>findByIdOptional(projectId).map(p -> p.state));
        if (state.isEmpty()) {
            return Optional.empty();
        }
        if (state.get() != ProjectState.ACTIVE) {
            // a preview has no issues yet; while creating, the bot's own writes are the truth; a closed one is done
            Project p = QuarkusTransaction.requiringNew().call(() -> load(projectId));
            return Optional.of(new ReconcileReport(p.id(), p.slug(), p.name(), 0, 0, List.of(), List.of(), List.of(),
                    List.of(), List.of(), 0, "only active projects are compared with GitHub; this one is "
                            + state.get().name().toLowerCase(Locale.ROOT),
                    null));
        }
        Board board;
        try {
            board = readBoard();
        } catch (GitHubException e) {
            return Optional.of(stoppedBeforeReading(projectId, e));
        }
        return Optional.of(reconcile(projectId, board));
    }

    /** The configured board's node id and a request count (1 when it was read, 0 when no board is configured). */
    private record Board(String nodeId, int requests) {
    }

    private Board readBoard() {
        if (config.board().org().isEmpty() || config.board().number().isEmpty()) {
            return new Board(null, 0);
        }
        Optional<GitHubTypes.Board> board = github.board(config.board().org().get(),
                config.board().number().getAsInt());
        if (board.isEmpty()) {
            LOG.warnf("board %s#%d not found: the reconciliation compares issue states only",
                    config.board().org().get(), config.board().number().getAsInt());
        }
        return new Board(board.map(GitHubTypes.Board::nodeId).orElse(null), 1);
    }

    private record Row(long id, String repo, Integer issueNumber, String issueUrl, String issueNodeId,
            String boardItemId, RepoIssueState state, String ownerDoes, boolean stateWriteInFlight,
            boolean boardWriteInFlight, Instant lastBotBoardWrite) {
    }

    private record Project(long id, String slug, String name, ProjectState state, String channel, String threadTs,
            List<Row> rows, Set<String> reported) {
    }

    private ReconcileReport reconcile(long projectId, Board board) {
        Project p = QuarkusTransaction.requiringNew().call(() -> load(projectId));
        List<String> ids = p.rows().stream().map(Row::issueNodeId).filter(id -> id != null && !id.isBlank())
                .toList();
        IssueBoardStateReader.Batch batch;
        try {
            batch = reader.read(ids, config.board().ownerDoesField());
        } catch (GitHubException e) {
            LOG.infof("project %s not reconciled: %s", p.slug(), e.getMessage());
            Instant retryAt = e instanceof GitHubException.RateLimited r ? r.retryAt().orElse(null) : null;
            return new ReconcileReport(p.id(), p.slug(), p.name(), ids.size(), board.requests() + 1, List.of(),
                    List.of(), List.of(), List.of(), List.of(), 0, e.getMessage(), retryAt);
        }
        String botLogin = safeBotLogin();
        List<String> closed = new ArrayList<>();
        List<String> reopened = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        List<Pending> findings = new ArrayList<>();
        for (Row row : p.rows()) {
            if (row.issueNodeId() == null) {
                continue; // not created yet (or its creation failed: the creation summary says so)
            }
            if (batch.missing().contains(row.issueNodeId())) {
                findings.add(new Pending("deleted:" + row.issueNodeId(), row.id(), new ReconcileReport.Finding(
                        ReconcileReport.Kind.ISSUE_DELETED, row.repo(), row.issueNumber(), row.issueUrl(), null)));
                continue;
            }
            IssueState issue = batch.issues().get(row.issueNodeId());
            if (issue == null) {
                continue;
            }
            if (issue.repo() != null && !issue.repo().equalsIgnoreCase(row.repo())) {
                findings.add(new Pending("transferred:" + row.issueNodeId() + ":" + issue.repo().toLowerCase(
                        Locale.ROOT), row.id(), new ReconcileReport.Finding(ReconcileReport.Kind.ISSUE_TRANSFERRED,
                                row.repo(), row.issueNumber(), issue.url(), issue.repo())));
                continue; // another repository's issue now: its state and board item are not this repository's
            }
            healState(p, row, issue, closed, reopened);
            if (board.nodeId() != null) {
                healBoard(p, row, issue, board.nodeId(), botLogin, chosen, rewritten, findings);
            }
        }
        List<ReconcileReport.Finding> told = tell(p, findings);
        int alreadyKnown = (int) findings.stream().filter(f -> p.reported().contains(f.key())).count();
        int requests = board.requests() + batch.requests();
        LOG.infof("reconciled %s: %d issues in %d GitHub requests; %d closed, %d reopened, %d board choices, "
                + "%d board values written again, %d new findings", p.slug(), ids.size(), requests, closed.size(),
                reopened.size(), chosen.size(), rewritten.size(), told.size());
        return new ReconcileReport(p.id(), p.slug(), p.name(), ids.size(), requests, List.copyOf(closed),
                List.copyOf(reopened), List.copyOf(chosen), List.copyOf(rewritten), told, alreadyKnown, null, null);
    }

    private ReconcileReport stoppedBeforeReading(long projectId, GitHubException e) {
        Project p = QuarkusTransaction.requiringNew().call(() -> load(projectId));
        Instant retryAt = e instanceof GitHubException.RateLimited r ? r.retryAt().orElse(null) : null;
        return new ReconcileReport(p.id(), p.slug(), p.name(), 0, 1, List.of(), List.of(), List.of(), List.of(),
                List.of(), 0, e.getMessage(), retryAt);
    }

    /** A fixed number of queries whatever the project's size: the bot's writes are read once, grouped here. */
    private Project load(long projectId) {
        UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
        boolean stateWrite = GitHubWriteEntity.count("(idempotencyKey like ?1 or idempotencyKey like ?2) "
                + "and state in ?3", ProjectWriteKeys.prefix(p.slug, ProjectWriteKeys.REMOVAL_CLOSE) + "%",
                ProjectWriteKeys.prefix(p.slug, ProjectWriteKeys.READD_REOPEN) + "%", IN_FLIGHT) > 0;
        boolean itemWrite = GitHubWriteEntity.count("idempotencyKey like ?1 and state in ?2",
                ProjectWriteKeys.prefix(p.slug, ProjectWriteKeys.BOARD_ITEM) + "%", IN_FLIGHT) > 0;
        Map<Long, List<GitHubWriteEntity>> ownerDoesWrites = new HashMap<>();
        for (GitHubWriteEntity w : GitHubWriteEntity.<GitHubWriteEntity>list(
                "projectId = ?1 and idempotencyKey like 'owner-does:board:r%'", projectId)) {
            Matcher m = OWNER_DOES_BOARD_KEY.matcher(w.idempotencyKey);
            if (m.matches()) {
                ownerDoesWrites.computeIfAbsent(Long.parseLong(m.group(1)), k -> new ArrayList<>()).add(w);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ProjectRepoEntity r : ProjectRepoEntity.inScopeOf(projectId)) {
            List<GitHubWriteEntity> writes = ownerDoesWrites.getOrDefault(r.id, List.of());
            boolean boardWrite = itemWrite || writes.stream().anyMatch(w -> IN_FLIGHT.contains(w.state));
            Instant lastBotWrite = writes.stream().map(w -> w.finishedAt).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            rows.add(new Row(r.id, r.repo, r.issueNumber, r.issueUrl, r.issueNodeId, r.boardItemId, r.issueState,
                    r.ownerDoes, stateWrite, boardWrite, lastBotWrite));
        }
        String channel = p.statusChannelId != null ? p.statusChannelId : p.channelId;
        return new Project(p.id, p.slug, p.name, p.state, channel, p.statusMessageTs, List.copyOf(rows),
                ReconcileFindingEntity.keysOf(projectId));
    }

    private String safeBotLogin() {
        try {
            return github.botLogin();
        } catch (RuntimeException e) {
            return null;
        }
    }

    // --- issue state ------------------------------------------------------------------------------------------

    private void healState(Project p, Row row, IssueState issue, List<String> closed, List<String> reopened) {
        boolean storedOpen = row.state() != RepoIssueState.CLOSED;
        if (issue.open() == storedOpen || row.stateWriteInFlight()) {
            return;
        }
        String action = issue.open() ? "reopened" : "closed";
        // claimed like a finding: two passes at once (a replica's hourly one, /upgrade sync) replay a change once
        String key = issue.changedAt() == null
                ? null
                : "state:" + issue.nodeId() + ":" + action + ":" + issue.changedAt().toEpochMilli();
        if (key != null && (p.reported().contains(key) || !claim(p.id(), key, row.id(), "STATE_" + action
                .toUpperCase(Locale.ROOT)))) {
            return;
        }
        replay(row, issue, action);
        (issue.open() ? reopened : closed).add(row.repo() + "#" + issue.number());
    }

    /**
     * The {@code issues} delivery GitHub would have sent, to the webhook's own observers: one code path for a state
     * change however the bot learns of it. The delivery id says where it came from (never a GitHub delivery id).
     */
    private void replay(Row row, IssueState issue, String action) {
        ObjectNode payload = JSON.createObjectNode().put("action", action);
        ObjectNode i = payload.putObject("issue").put("node_id", issue.nodeId()).put("number", issue.number())
                .put("title", issue.title()).put("html_url", issue.url())
                .put("state", issue.open() ? "open" : "closed");
        if (issue.stateReason() != null) {
            i.put("state_reason", issue.stateReason().toLowerCase(Locale.ROOT));
        } else {
            i.putNull("state_reason");
        }
        if (!issue.open() && issue.changedAt() != null) {
            i.put("closed_at", issue.changedAt().toString());
        }
        payload.putObject("repository").put("full_name", issue.repo() != null ? issue.repo() : row.repo());
        payload.putObject("sender").put("login", issue.changedBy() == null ? "" : issue.changedBy());
        String delivery = "reconcile:" + issue.nodeId() + ":" + action + ":"
                + (issue.changedAt() == null ? clock.millis() : issue.changedAt().toEpochMilli());
        try {
            // waited for, so the pass's report (and /upgrade sync's answer) comes after the change is reflected
            events.fireAsync(new GitHubWebhookEvent("issues", delivery, payload)).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("%s: %s not reflected: %s", row.repo(), action, e.toString());
        }
    }

    // --- board ------------------------------------------------------------------------------------------------

    private void healBoard(Project p, Row row, IssueState issue, String boardNodeId, String botLogin,
            List<String> chosen, List<String> rewritten, List<Pending> findings) {
        if (row.boardWriteInFlight()) {
            return; // the bot's own write is the newer intent; the next pass compares after it landed
        }
        Optional<BoardItem> item = issue.itemOn(boardNodeId);
        if (item.isEmpty()) {
            if (row.boardItemId() != null) {
                findings.add(new Pending("item-removed:" + row.boardItemId(), row.id(), new ReconcileReport.Finding(
                        ReconcileReport.Kind.ITEM_REMOVED, row.repo(), row.issueNumber(), row.issueUrl(), null)));
            }
            return;
        }
        if (!item.get().itemId().equals(row.boardItemId())) {
            // a person put the issue (back) on the board: its new item is the one the bot's choices now go to
            QuarkusTransaction.requiringNew().run(() -> ProjectRepoEntity.update("boardItemId = ?1 where id = ?2",
                    item.get().itemId(), row.id()));
        }
        String value = item.get().value();
        OwnerDoesLevel current = levels.byKey(row.ownerDoes()).orElse(levels.tbd());
        if (value == null || value.isBlank() || current.label().equalsIgnoreCase(value.strip())) {
            return; // cleared on the board, or in step: the bot keeps its record
        }
        Optional<OwnerDoesLevel> level = levels.byLabel(value.strip());
        if (level.isEmpty()) {
            LOG.infof("%s: board Owner Does '%s' is not a configured level (%s); not recorded", row.repo(), value,
                    levels.labels());
            return;
        }
        Instant at = item.get().updatedAt();
        boolean setByBot = botLogin != null && botLogin.equalsIgnoreCase(item.get().setBy());
        boolean afterBotWrites = at != null && (row.lastBotBoardWrite() == null
                || at.isAfter(row.lastBotBoardWrite().plus(CLOCK_MARGIN)));
        if (setByBot && !afterBotWrites) {
            // the bot's own earlier value, no longer the choice: put the current one back (no person's edit lost)
            if (choices.writeCurrentLevelAgain(row.id())) {
                rewritten.add(row.repo());
            }
            return;
        }
        String who = item.get().setBy() != null && !setByBot ? item.get().setBy() : "someone on GitHub";
        OwnerDoesChoices.Result result = choices.choose(new OwnerDoesChoices.Request(row.id(), level.get().key(),
                who, who, OwnerDoesChoices.Via.GITHUB, at));
        if (result.outcome() == OwnerDoesChoices.Outcome.RECORDED) {
            chosen.add(row.repo() + ": " + level.get().label() + " (" + who + ")");
        } else if (result.outcome() == OwnerDoesChoices.Outcome.SUPERSEDED && isLatestChoiceViaSlack(row.id())) {
            // the board still shows an older value than the choice made in Slack since: that choice goes back up
            if (choices.writeCurrentLevelAgain(row.id())) {
                rewritten.add(row.repo());
            }
        }
    }

    private static boolean isLatestChoiceViaSlack(long projectRepoId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OwnerDoesChoiceEntity latest = OwnerDoesChoiceEntity
                    .find("projectRepoId = ?1 and fromLevel is not null order by chosenAt desc, id desc",
                            projectRepoId)
                    .firstResult();
            return latest != null && OwnerDoesChoices.Via.SLACK.name().equals(latest.via);
        });
    }

    // --- findings ---------------------------------------------------------------------------------------------

    private record Pending(String key, long projectRepoId, ReconcileReport.Finding finding) {
    }

    /**
     * Claims each new finding (the unique key makes a concurrent pass claim it once), tells the claimed ones in one
     * thread reply, and gives the claims back when Slack refused, so the next pass tells them.
     */
    private List<ReconcileReport.Finding> tell(Project p, List<Pending> findings) {
        List<Pending> claimed = new ArrayList<>();
        for (Pending f : findings) {
            if (p.reported().contains(f.key())) {
                continue;
            }
            if (claim(p.id(), f.key(), f.projectRepoId(), f.finding().kind().name())) {
                claimed.add(f);
            }
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        List<ReconcileReport.Finding> told = claimed.stream().map(Pending::finding).toList();
        try {
            notifier.findings(p.channel(), p.threadTs(), p.name(), told);
            return told;
        } catch (RuntimeException e) {
            LOG.warnf("findings of project %s not posted (told on the next pass): %s", p.slug(), e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> ReconcileFindingEntity.delete(
                    "projectId = ?1 and findingKey in ?2", p.id(), claimed.stream().map(Pending::key).toList()));
            return List.of();
        }
    }

    private boolean claim(long projectId, String key, Long projectRepoId, String kind) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ReconcileFindingEntity row = new ReconcileFindingEntity();
                row.projectId = projectId;
                row.projectRepoId = projectRepoId;
                row.findingKey = key;
                row.kind = kind;
                row.reportedAt = clock.instant();
                row.persist();
            });
            return true;
        } catch (RuntimeException alreadyClaimed) {
            return false; // another pass found it at the same moment and handles it
        }
    }
}
