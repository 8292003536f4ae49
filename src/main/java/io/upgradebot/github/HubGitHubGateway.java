package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upgradebot.config.GitHubSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHDirection;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueBuilder;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueQueryBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHIssueStateReason;
import org.kohsuke.github.GHMilestone;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/**
 * {@link GitHubGateway} on hub4j (REST) plus our own small clients for what hub4j lacks: sub-issues (REST) and
 * Projects v2 (GraphQL). Dry-run is enforced here and only here: writes are logged and answer placeholders.
 */
public class HubGitHubGateway implements GitHubGateway {
    private static final Logger LOG = Logger.getLogger(HubGitHubGateway.class);
    /** Issues the bot created, newest first, scanned for a marker: 5 pages of 100. */
    static final int MARKER_SCAN_LIMIT = 500;
    static final String DRY_RUN_ID = "DRY_RUN";
    private static final Duration REPO_CACHE = Duration.ofMinutes(10);

    private final GitHubAccess access;
    private final boolean dryRun;
    private final Clock clock;
    private volatile Duration requestTimeout;
    private final GitHub hub;
    private final GitHubHttp http;
    private final GitHubAppTokens appTokens;
    private final ProjectsV2Client projects;
    private final Map<String, CachedRepo> repos = new ConcurrentHashMap<>();
    private volatile String botLogin;
    private volatile Boolean linkedCreate;
    /** Boards as read for writing values: a fan-out writes many items of one board within a minute. */
    private final Map<String, CachedBoard> boards = new ConcurrentHashMap<>();
    private static final Duration BOARD_CACHE = Duration.ofMinutes(1);

    private record CachedBoard(GitHubTypes.Board board, Instant until) {
    }

    private record CachedRepo(GHRepository repo, Instant until) {
    }

    public HubGitHubGateway(GitHubAccess access, boolean dryRun, Clock clock, Duration connectTimeout,
            Duration requestTimeout) {
        this.access = access;
        this.dryRun = dryRun;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Supplier<Duration> timeout = () -> this.requestTimeout;
        this.http = new GitHubHttp(client, timeout, clock);
        this.appTokens = access.mode() == GitHubAccess.Mode.APP
                ? new GitHubAppTokens(access.apiUrl(), access.appId(), access.appKey(), access.installationId(), http,
                        clock)
                : null;
        try {
            this.hub = new GitHubBuilder()
                    .withEndpoint(access.apiUrl())
                    .withConnector(new JdkGitHubConnector(client, timeout))
                    .withRateLimitHandler(ThrowingLimitHandlers.rateLimit(clock))
                    .withAbuseLimitHandler(ThrowingLimitHandlers.abuseLimit(clock))
                    .withAuthorizationProvider(this::authorization)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the GitHub client", e);
        }
        this.projects = new ProjectsV2Client(http, access.graphqlUrl(), this::authorization);
    }

    /** Shortens or restores the per-request timeout (tests simulate a slow GitHub with it). */
    public void requestTimeout(Duration timeout) {
        this.requestTimeout = timeout;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public GitHubAccess access() {
        return access;
    }

    /** The Authorization header value (token or App installation token, refreshed here); null without credentials. */
    String authorization() {
        return switch (access.mode()) {
            case TOKEN -> "Bearer " + access.token();
            case APP -> "Bearer " + appTokens.token();
            case NONE -> null;
        };
    }

    /**
     * A raw GraphQL request with this gateway's credentials, timeouts and failure mapping, for readers that batch
     * their own queries (IssueActivityReader). Answers the whole response body ({@code data} and {@code errors}).
     */
    JsonNode graphql(ObjectNode body) {
        return http.send("POST", access.graphqlUrl(), body, authorization());
    }

    // --- reads ----------------------------------------------------------------------------------------

    @Override
    public Optional<GitHubTypes.Repo> repository(String fullName) {
        return call(() -> {
            try {
                GHRepository repo = hub.getRepository(fullName);
                repos.put(fullName.toLowerCase(Locale.ROOT), new CachedRepo(repo, clock.instant().plus(REPO_CACHE)));
                return Optional.of(new GitHubTypes.Repo(repo.getFullName(), repo.getId(), repo.getNodeId(),
                        repo.isArchived(), repo.getDefaultBranch(), String.valueOf(repo.getHtmlUrl())));
            } catch (GHFileNotFoundException notFound) {
                return Optional.empty();
            }
        });
    }

    @Override
    public List<String> searchRepositories(String query, int max) {
        return call(() -> {
            List<String> names = new ArrayList<>();
            Iterator<GHRepository> it = hub.searchRepositories().q(query).list().withPageSize(Math.min(100, max))
                    .iterator();
            while (names.size() < max && it.hasNext()) {
                names.add(it.next().getFullName());
            }
            return names;
        });
    }

    @Override
    public List<String> searchCodeRepositories(String query, int max) {
        return call(() -> {
            Set<String> names = new LinkedHashSet<>();
            Iterator<GHContent> it = hub.searchContent().q(query).list().withPageSize(100).iterator();
            // code search caps at 1000 hits; many hits may share one repository
            int seen = 0;
            while (names.size() < max && seen < 1000 && it.hasNext()) {
                names.add(it.next().getOwner().getFullName());
                seen++;
            }
            return List.copyOf(names);
        });
    }

    @Override
    public Optional<GitHubTypes.Issue> findIssueByMarker(String repo, String marker) {
        return call(() -> {
            // Listing the bot's own issues reads the database GitHub writes to; the search index lags by minutes,
            // and a write checked against it right after a crash would be repeated.
            try {
                GHIssueQueryBuilder.ForRepository query = repo(repo).queryIssues().creator(botLogin());
                query.state(GHIssueState.ALL).sort(GHIssueQueryBuilder.Sort.CREATED).direction(GHDirection.DESC)
                        .pageSize(100);
                int scanned = 0;
                for (GHIssue issue : query.list().withPageSize(100)) {
                    if (issue.getBody() != null && issue.getBody().contains(marker)) {
                        return Optional.of(issue(repo, issue));
                    }
                    if (++scanned >= MARKER_SCAN_LIMIT) {
                        break;
                    }
                }
                return Optional.empty();
            } catch (GHFileNotFoundException notFound) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<GitHubTypes.Issue> issue(String repo, int number) {
        if (dryRun && number == 0) {
            return Optional.of(placeholderIssue(repo, ""));
        }
        return call(() -> {
            try {
                return Optional.of(issue(repo, repo(repo).getIssue(number)));
            } catch (GHFileNotFoundException notFound) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<Long> findCommentByMarker(String repo, int number, String marker) {
        if (dryRun && number == 0) {
            return Optional.empty();
        }
        return call(() -> {
            try {
                for (GHIssueComment comment : repo(repo).getIssue(number).listComments().withPageSize(100)) {
                    if (comment.getBody() != null && comment.getBody().contains(marker)) {
                        return Optional.of(comment.getId());
                    }
                }
                return Optional.empty();
            } catch (GHFileNotFoundException notFound) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<String> fileContent(String repo, String path) {
        return call(() -> {
            try {
                GHContent content = repo(repo).getFileContent(path);
                return content.isFile() ? Optional.ofNullable(content.getContent()) : Optional.<String>empty();
            } catch (GHFileNotFoundException notFound) {
                return Optional.empty();
            }
        });
    }

    @Override
    public List<Long> subIssueIds(String repo, int parentNumber) {
        if (dryRun && parentNumber == 0) {
            return List.of();
        }
        return call(() -> {
            List<Long> ids = new ArrayList<>();
            // GitHub allows at most 100 sub-issues per parent, so one page of 100 holds them all
            JsonNode list;
            try {
                list = http.send("GET", access.apiUrl() + "/repos/" + repo + "/issues/" + parentNumber
                        + "/sub_issues?per_page=100", null, authorization());
            } catch (GitHubException.Permanent p) {
                if (p.status() == 404) {
                    return List.of();
                }
                throw p;
            }
            for (JsonNode issue : list) {
                ids.add(issue.path("id").asLong());
            }
            return ids;
        });
    }

    @Override
    public Optional<GitHubTypes.Board> board(String org, int number) {
        return call(() -> projects.board(org, number));
    }

    @Override
    public boolean linkedCreateSupported() {
        Boolean known = linkedCreate;
        if (known != null) {
            return known;
        }
        if (access.mode() == GitHubAccess.Mode.NONE) {
            return false;
        }
        try {
            boolean supported = call(projects::createIssueTakesLinks);
            linkedCreate = supported;
            if (supported) {
                LOG.infof("GitHub fan-out: createIssue takes %s at %s: one request creates, links and adds each "
                        + "repository issue, one more sets its board values", ProjectsV2Client.LINKED_CREATE_INPUTS,
                        access.graphqlUrl());
            } else {
                LOG.infof("GitHub fan-out: createIssue at %s lacks %s (GitHub Enterprise Server?): repository issues "
                        + "are created, linked, added and given their board values one request at a time",
                        access.graphqlUrl(), ProjectsV2Client.LINKED_CREATE_INPUTS);
            }
            return supported;
        } catch (GitHubException e) {
            LOG.warnf("GitHub fan-out: could not ask GitHub whether createIssue takes %s (%s); one request at a "
                    + "time until it answers", ProjectsV2Client.LINKED_CREATE_INPUTS, e.getMessage());
            return false;
        }
    }

    /** Forgets what {@link #linkedCreateSupported} learned, so the next call asks GitHub again (tests). */
    public void forgetCapabilities() {
        linkedCreate = null;
        boards.clear();
    }

    @Override
    public Optional<GitHubTypes.Board> boardForValues(String org, int number) {
        String key = org.toLowerCase(Locale.ROOT) + "#" + number;
        CachedBoard cached = boards.get(key);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.board());
        }
        Optional<GitHubTypes.Board> board = board(org, number);
        board.ifPresent(b -> boards.put(key, new CachedBoard(b, now.plus(BOARD_CACHE))));
        return board;
    }

    @Override
    public GitHubTypes.LinkedIssue createLinkedIssue(String repo, GitHubTypes.NewIssue issue, String parentNodeId,
            String projectNodeId) {
        return write("create issue in " + repo + ": \"" + issue.title() + "\""
                + (parentNodeId == null ? "" : ", sub-issue of " + parentNodeId)
                + (projectNodeId == null ? "" : ", on board " + projectNodeId),
                () -> new GitHubTypes.LinkedIssue(placeholderIssue(repo, issue.body()),
                        projectNodeId == null ? "" : DRY_RUN_ID + "_ITEM", parentNodeId != null),
                () -> {
                    ObjectNode input = GitHubHttp.json().createObjectNode().put("title", issue.title())
                            .put("body", issue.body());
                    boolean labels = issue.labels() != null && !issue.labels().isEmpty();
                    if (labels || issue.milestone() != null) {
                        // label and milestone node ids: one read of the repository, only when the issue needs them
                        ProjectsV2Client.RepositoryRefs refs = projects.repositoryRefs(repo);
                        input.put("repositoryId", refs.id());
                        if (labels) {
                            var ids = input.putArray("labelIds");
                            for (String label : issue.labels()) {
                                String id = refs.labels().get(label.toLowerCase(Locale.ROOT));
                                if (id == null) {
                                    throw new GitHubException.Permanent(422,
                                            "label \"" + label + "\" does not exist in "
                                                    + repo,
                                            null);
                                }
                                ids.add(id);
                            }
                        }
                        if (issue.milestone() != null) {
                            String id = refs.milestones().get(issue.milestone());
                            if (id == null) {
                                throw new GitHubException.Permanent(422, "milestone " + issue.milestone()
                                        + " does not exist in " + repo, null);
                            }
                            input.put("milestoneId", id);
                        }
                    } else {
                        // the repository was looked up when the project was planned: its node id is remembered
                        input.put("repositoryId", repo(repo).getNodeId());
                    }
                    if (parentNodeId != null) {
                        input.put("parentIssueId", parentNodeId);
                    }
                    if (projectNodeId != null) {
                        input.putArray("projectV2Ids").add(projectNodeId);
                    }
                    GitHubTypes.LinkedIssue created = projects.createIssue(repo, input, projectNodeId);
                    boolean complete = (parentNodeId == null || created.linked())
                            && (projectNodeId == null || !created.itemId().isEmpty());
                    // GitHub created the issue but says the link or the board failed: add what is missing now
                    return complete ? created : completeLinked(created.issue(), parentNodeId, projectNodeId);
                });
    }

    @Override
    public GitHubTypes.LinkedIssue completeLinkedIssue(GitHubTypes.Issue issue, String parentNodeId,
            String projectNodeId) {
        return write("link " + repoAndNumber(issue) + " and put it on the board, where it is not yet",
                () -> new GitHubTypes.LinkedIssue(issue, projectNodeId == null ? "" : DRY_RUN_ID + "_ITEM",
                        parentNodeId != null),
                () -> completeLinked(issue, parentNodeId, projectNodeId));
    }

    private GitHubTypes.LinkedIssue completeLinked(GitHubTypes.Issue issue, String parentNodeId,
            String projectNodeId) {
        ProjectsV2Client.IssueLinks links = projects.issueLinks(issue.nodeId());
        boolean linked = parentNodeId != null && parentNodeId.equals(links.parentId());
        if (parentNodeId != null && !linked) {
            projects.addSubIssue(parentNodeId, issue.nodeId());
            linked = true;
        }
        String itemId = "";
        if (projectNodeId != null) {
            itemId = links.itemsByBoard().getOrDefault(projectNodeId, "");
            if (itemId.isEmpty()) {
                itemId = projects.addItem(projectNodeId, issue.nodeId());
            }
        }
        return new GitHubTypes.LinkedIssue(issue, itemId, linked);
    }

    private static String repoAndNumber(GitHubTypes.Issue issue) {
        return issue.repo() + "#" + issue.number();
    }

    @Override
    public Map<String, String> setBoardFieldValues(String projectNodeId, String itemId,
            List<GitHubTypes.FieldWrite> values) {
        Map<String, String> refused = write("set " + values.stream().map(v -> v.name() + "=" + v.value().value())
                .toList() + " on board item " + itemId, Map::<String, String>of,
                () -> projects.setFieldValues(projectNodeId, itemId, values));
        if (!refused.isEmpty()) {
            // an option deleted or a field renamed on the board: read it afresh next time
            boards.clear();
        }
        return refused;
    }

    @Override
    public String botLogin() {
        String login = botLogin;
        if (login == null) {
            login = call(() -> switch (access.mode()) {
                case TOKEN -> hub.getMyself().getLogin();
                case APP -> appTokens.appSlug() + "[bot]";
                case NONE -> throw notConfigured();
            });
            botLogin = login;
        }
        return login;
    }

    // --- writes ----------------------------------------------------------------------------------------

    @Override
    public GitHubTypes.Issue createIssue(String repo, GitHubTypes.NewIssue issue) {
        return write("create issue in " + repo + ": \"" + issue.title() + "\"",
                () -> placeholderIssue(repo, issue.body()),
                () -> {
                    GHRepository target = repo(repo);
                    GHIssueBuilder builder = target.createIssue(issue.title()).body(issue.body());
                    if (issue.labels() != null) {
                        issue.labels().forEach(builder::label);
                    }
                    if (issue.milestone() != null) {
                        GHMilestone milestone = target.getMilestone(issue.milestone());
                        builder.milestone(milestone);
                    }
                    return issue(repo, builder.create());
                });
    }

    @Override
    public long comment(String repo, int number, String body) {
        return write("comment on " + repo + "#" + number, () -> 0L,
                () -> repo(repo).getIssue(number).comment(body).getId());
    }

    @Override
    public void updateIssueBody(String repo, int number, String body) {
        write("update the body of " + repo + "#" + number, () -> null, () -> {
            repo(repo).getIssue(number).setBody(body);
            return null;
        });
    }

    @Override
    public void closeIssue(String repo, int number, String stateReason) {
        GHIssueStateReason reason = "not_planned".equalsIgnoreCase(stateReason)
                ? GHIssueStateReason.NOT_PLANNED
                : GHIssueStateReason.COMPLETED;
        write("close " + repo + "#" + number + " as " + reason, () -> null, () -> {
            repo(repo).getIssue(number).close(reason);
            return null;
        });
    }

    @Override
    public void reopenIssue(String repo, int number) {
        write("reopen " + repo + "#" + number, () -> null, () -> {
            repo(repo).getIssue(number).reopen();
            return null;
        });
    }

    @Override
    public int ensureMilestone(String repo, String title) {
        Optional<Integer> existing = call(() -> findMilestone(repo(repo), title));
        if (existing.isPresent()) {
            return existing.get();
        }
        return write("create milestone \"" + title + "\" in " + repo, () -> 0, () -> {
            GHRepository target = repo(repo);
            try {
                return target.createMilestone(title, "").getNumber();
            } catch (IOException e) {
                // created by a concurrent or earlier attempt whose answer was lost: GitHub says already_exists
                GitHubException failure = GitHubFailures.fromThrowable(e, clock.instant());
                if (failure instanceof GitHubException.Permanent p && p.status() == 422) {
                    Optional<Integer> now = findMilestone(target, title);
                    if (now.isPresent()) {
                        return now.get();
                    }
                }
                throw failure;
            }
        });
    }

    @Override
    public void addSubIssue(String repo, int parentNumber, long childIssueId) {
        write("link issue id " + childIssueId + " as a sub-issue of " + repo + "#" + parentNumber, () -> null, () -> {
            try {
                http.send("POST", access.apiUrl() + "/repos/" + repo + "/issues/" + parentNumber + "/sub_issues",
                        GitHubHttp.json().createObjectNode().put("sub_issue_id", childIssueId), authorization());
            } catch (GitHubException.Permanent p) {
                // 422 when the child is already linked (or when it cannot be: 100 per parent, another parent):
                // the parent's list tells which
                if (p.status() == 422 && subIssueIds(repo, parentNumber).contains(childIssueId)) {
                    return null;
                }
                throw p;
            }
            return null;
        });
    }

    @Override
    public String addBoardItem(String projectNodeId, String contentNodeId) {
        return write("add " + contentNodeId + " to board " + projectNodeId, () -> DRY_RUN_ID + "_ITEM",
                () -> projects.addItem(projectNodeId, contentNodeId));
    }

    @Override
    public void setBoardFieldValue(String projectNodeId, String itemId, String fieldId, GitHubTypes.FieldValue value) {
        write("set field " + fieldId + " of board item " + itemId + " to " + value.member() + " " + value.value(),
                () -> null, () -> {
                    projects.setFieldValue(projectNodeId, itemId, fieldId, value);
                    return null;
                });
    }

    @Override
    public GitHubTypes.BoardField setFieldOptions(String fieldId, List<GitHubTypes.Option> options) {
        return write(
                "set the options of board field " + fieldId + " to " + options.stream().map(GitHubTypes.Option::name)
                        .toList(),
                () -> new GitHubTypes.BoardField(fieldId, "(dry-run)",
                        GitHubTypes.BoardField.SINGLE_SELECT, options.stream()
                                .map(o -> o.id() == null
                                        ? new GitHubTypes.Option(DRY_RUN_ID + "_OPTION", o.name(), o.color(),
                                                o.description())
                                        : o)
                                .toList()),
                () -> {
                    boards.clear();
                    return projects.setOptions(fieldId, options);
                });
    }

    // --- plumbing --------------------------------------------------------------------------------------

    private interface GitHubCall<T> {
        T run() throws IOException;
    }

    private <T> T write(String what, Supplier<T> placeholder, GitHubCall<T> send) {
        if (dryRun) {
            LOG.infof("dry-run: would %s", what);
            return placeholder.get();
        }
        if (access.mode() == GitHubAccess.Mode.NONE) {
            throw notConfigured();
        }
        return call(send);
    }

    private <T> T call(GitHubCall<T> body) {
        try {
            return body.run();
        } catch (GitHubException e) {
            throw onFailure(e);
        } catch (IOException | RuntimeException e) {
            throw onFailure(GitHubFailures.fromThrowable(e, clock.instant()));
        }
    }

    private GitHubException onFailure(GitHubException failure) {
        if (failure instanceof GitHubException.Permanent p && p.status() == 401 && appTokens != null) {
            // an installation token revoked or expired early: fetch a new one next time and let the queue retry
            appTokens.invalidate();
            return new GitHubException.Transient(p.getMessage() + " (installation token refreshed)", p);
        }
        return failure;
    }

    private GitHubException notConfigured() {
        return new GitHubException.Permanent(401, access.problem().orElse("no GitHub credentials"), null);
    }

    /** hub4j needs the repository object for every call on it; one GET per repository per 10 minutes. */
    private GHRepository repo(String fullName) throws IOException {
        String key = fullName.toLowerCase(Locale.ROOT);
        CachedRepo cached = repos.get(key);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.until())) {
            return cached.repo();
        }
        GHRepository repo = hub.getRepository(fullName);
        repos.put(key, new CachedRepo(repo, now.plus(REPO_CACHE)));
        return repo;
    }

    private static Optional<Integer> findMilestone(GHRepository repo, String title) {
        for (GHMilestone milestone : repo.listMilestones(GHIssueState.ALL).withPageSize(100)) {
            if (milestone.getTitle() != null && milestone.getTitle().strip().equals(title.strip())) {
                return Optional.of(milestone.getNumber());
            }
        }
        return Optional.empty();
    }

    private static GitHubTypes.Issue issue(String repo, GHIssue issue) throws IOException {
        Instant updated = issue.getUpdatedAt() == null ? null : issue.getUpdatedAt().toInstant();
        String author = issue.getUser() == null ? null : issue.getUser().getLogin();
        return new GitHubTypes.Issue(repo, issue.getNumber(), issue.getId(), issue.getNodeId(),
                String.valueOf(issue.getHtmlUrl()), issue.getState() == null
                        ? null
                        : issue.getState().name().toLowerCase(Locale.ROOT),
                issue.getBody(), author, updated);
    }

    private GitHubTypes.Issue placeholderIssue(String repo, String body) {
        return new GitHubTypes.Issue(repo, 0, 0L, DRY_RUN_ID + "_ISSUE",
                GitHubSecrets.webUrlOf(access.apiUrl()) + "/" + repo
                        + "/issues/0",
                "open", body, "upgrade-bot (dry-run)", clock.instant());
    }
}
