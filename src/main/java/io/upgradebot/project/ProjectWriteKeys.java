package io.upgradebot.project;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Idempotency keys of a project's GitHub writes: {@code p:<slug>:<what>[:<org/repo>[:<detail>]]}. Stable, so
 * planning the same thing twice (a double submit, a re-run, a resumed crash) stores one write; slugs and
 * repository names never contain ':'. Repositories appear lower-cased (GitHub names are case-insensitive).
 */
public final class ProjectWriteKeys {

    public static final String MILESTONE = "milestone";
    public static final String ROADMAP = "roadmap";
    public static final String REPO_ISSUE = "repo-issue";
    public static final String SUB_ISSUE = "sub-issue";
    public static final String BOARD_OPTION = "board-option";
    public static final String BOARD_ITEM = "board-item";
    public static final String BOARD_FIELD = "board-field";
    public static final String BOARD_FIELDS = "board-fields";
    public static final String ROADMAP_BOARD_ITEM = "roadmap-board-item";
    public static final String ROADMAP_BOARD_FIELD = "roadmap-board-field";
    public static final String CHILDREN = "children";
    public static final String REMOVAL_COMMENT = "removal-comment";
    public static final String REMOVAL_CLOSE = "removal-close";
    public static final String READD_COMMENT = "readd-comment";
    public static final String READD_REOPEN = "readd-reopen";
    public static final String FINISH_COMMENT = "finish-comment";
    public static final String FINISH_CLOSE = "finish-close";
    public static final String REOPEN_COMMENT = "reopen-comment";
    public static final String REOPEN_ISSUE = "reopen-issue";
    public static final String FOLLOW_UP = "follow-up";
    public static final String OUTSIDE_ISSUE = "outside-issue";
    public static final String OUTSIDE_BOARD_ITEM = "outside-board-item";
    public static final String OUTSIDE_BOARD_FIELD = "outside-board-field";
    public static final String OUTSIDE_SECTION = "outside-section";
    public static final String CHECKLIST = "checklist";

    private ProjectWriteKeys() {
    }

    /** A parsed key; {@code repo} and {@code detail} may be null. */
    public record Key(String slug, String what, String repo, String detail) {
    }

    public static String milestone(String slug) {
        return "p:" + slug + ":" + MILESTONE;
    }

    public static String roadmap(String slug) {
        return "p:" + slug + ":" + ROADMAP;
    }

    public static String repoIssue(String slug, String repo) {
        return "p:" + slug + ":" + REPO_ISSUE + ":" + norm(repo);
    }

    public static String subIssue(String slug, String repo) {
        return "p:" + slug + ":" + SUB_ISSUE + ":" + norm(repo);
    }

    /** Project-wide: the option a field needs (Project = this project, Source = the team …). */
    public static String boardOption(String slug, String field) {
        return "p:" + slug + ":" + BOARD_OPTION + ":-:" + field(field);
    }

    public static String boardItem(String slug, String repo) {
        return "p:" + slug + ":" + BOARD_ITEM + ":" + norm(repo);
    }

    /** {@code round} separates later changes of the same field (the first setting is round 0). */
    public static String boardField(String slug, String repo, String field, int round) {
        return "p:" + slug + ":" + BOARD_FIELD + ":" + norm(repo) + ":" + field(field)
                + (round == 0 ? "" : "." + round);
    }

    /** Every first value of a repository's board item, written in one request. */
    public static String boardFields(String slug, String repo) {
        return "p:" + slug + ":" + BOARD_FIELDS + ":" + norm(repo);
    }

    /** The roadmap issue's item on the roadmap board. */
    public static String roadmapBoardItem(String slug) {
        return "p:" + slug + ":" + ROADMAP_BOARD_ITEM;
    }

    public static String roadmapBoardField(String slug, String field) {
        return "p:" + slug + ":" + ROADMAP_BOARD_FIELD + ":-:" + field(field);
    }

    /** The n-th rewrite of the roadmap issue's child list. */
    public static String children(String slug, int n) {
        return "p:" + slug + ":" + CHILDREN + ":-:" + n;
    }

    /** The n-th removal of a repository from scope (a repository can be added back and removed again). */
    public static String removalComment(String slug, String repo, int n) {
        return "p:" + slug + ":" + REMOVAL_COMMENT + ":" + norm(repo) + ":" + n;
    }

    public static String removalClose(String slug, String repo, int n) {
        return "p:" + slug + ":" + REMOVAL_CLOSE + ":" + norm(repo) + ":" + n;
    }

    /** The n-th time a removed repository is added back (its issue gets a comment and is reopened). */
    public static String readdComment(String slug, String repo, int n) {
        return "p:" + slug + ":" + READD_COMMENT + ":" + norm(repo) + ":" + n;
    }

    public static String readdReopen(String slug, String repo, int n) {
        return "p:" + slug + ":" + READD_REOPEN + ":" + norm(repo) + ":" + n;
    }

    /** The roadmap issue's comment of the {@code round}-th finish (why it finished with items still open). */
    public static String finishComment(String slug, int round) {
        return "p:" + slug + ":" + FINISH_COMMENT + ":-:" + round;
    }

    /** Closing the roadmap issue as completed at the {@code round}-th finish. */
    public static String finishClose(String slug, int round) {
        return "p:" + slug + ":" + FINISH_CLOSE + ":-:" + round;
    }

    /** The comment saying the project was reopened after its {@code round}-th finish. */
    public static String reopenComment(String slug, int round) {
        return "p:" + slug + ":" + REOPEN_COMMENT + ":-:" + round;
    }

    public static String reopenIssue(String slug, int round) {
        return "p:" + slug + ":" + REOPEN_ISSUE + ":-:" + round;
    }

    /** The follow-up issue asking to replace (or take over) an inadequately maintained dependency. */
    public static String followUp(String slug, long outsideIssueId) {
        return "p:" + slug + ":" + FOLLOW_UP + ":-:" + outsideIssueId;
    }

    /**
     * An outside issue (external dependency or operations ticket) in {@code repo}, named {@code name}: the same
     * name twice in one repository is one issue, so a repeated submission creates nothing new.
     */
    public static String outsideIssue(String slug, String repo, String name) {
        return "p:" + slug + ":" + OUTSIDE_ISSUE + ":" + norm(repo) + ":" + field(name);
    }

    public static String outsideBoardItem(String slug, String repo, String name) {
        return "p:" + slug + ":" + OUTSIDE_BOARD_ITEM + ":" + norm(repo) + ":" + field(name);
    }

    public static String outsideBoardField(String slug, String repo, String name, String boardField) {
        return "p:" + slug + ":" + OUTSIDE_BOARD_FIELD + ":" + norm(repo) + ":" + field(name) + "."
                + field(boardField);
    }

    /** The n-th rewrite of the roadmap issue's outside-issues section. */
    public static String outsideSection(String slug, int n) {
        return "p:" + slug + ":" + OUTSIDE_SECTION + ":-:" + n;
    }

    /**
     * Setting runbook checklist items of the roadmap issue to one state: {@code itemVersions} are
     * {@code item-id.version} pairs, the version counting changes of that item's wanted state. The same click repeated
     * is the same key (one write); a tick after an untick has a new version, so it is a new write. Long sets are
     * hashed to stay within the queue's key length.
     */
    public static String checklist(String slug, boolean ticked, Collection<String> itemVersions) {
        String items = String.join(",", new TreeSet<>(itemVersions));
        if (items.length() > 160) {
            items = "h" + sha256(items).substring(0, 32);
        }
        return "p:" + slug + ":" + CHECKLIST + ":-:" + (ticked ? "tick" : "untick") + ":" + items;
    }

    /*
     * Keys of writes that are not part of planning a project (Owner Does choices, owners found later, board fields
     * set on their own): their own prefixes, so parse() above does not take them for planned writes.
     */

    /** Key prefix of every board write of one repository's Owner Does field. */
    public static String ownerDoesBoardPrefix(long projectRepoId) {
        return "owner-does:board:r" + projectRepoId + ":";
    }

    /** The board write of an Owner Does choice. */
    public static String ownerDoesBoard(long projectRepoId, long choiceId) {
        return ownerDoesBoardPrefix(projectRepoId) + "c" + choiceId;
    }

    /** The board write of a choice that came from the board itself (written back only to keep the label exact). */
    public static String ownerDoesBoardSync(long projectRepoId, long choiceId) {
        return ownerDoesBoard(projectRepoId, choiceId) + ":sync";
    }

    /** The current choice written again after an older write ({@code writeId}) landed after it. */
    public static String ownerDoesBoardAgain(long projectRepoId, long choiceId, long writeId) {
        return ownerDoesBoard(projectRepoId, choiceId) + ":after:" + writeId;
    }

    /** The comment on the repository's issue saying who chose which Owner Does level. */
    public static String ownerDoesComment(long projectRepoId, long choiceId) {
        return "owner-does:comment:r" + projectRepoId + ":c" + choiceId;
    }

    /**
     * One change of a repository's owning team; the owner can change (a new CODEOWNERS): {@code changedAtMillis}
     * makes a change write again, while a re-run that finds the stored owner writes nothing.
     */
    public static String ownerChange(long projectRepoId, String team, long changedAtMillis) {
        return projectRepoId + ":" + team.toLowerCase(Locale.ROOT) + ":" + changedAtMillis;
    }

    /** The issue's "owner" section written for an {@link #ownerChange owner change}. */
    public static String ownerIssue(String change) {
        return "owner:issue:" + change;
    }

    /** The board's Owner field written for an {@link #ownerChange owner change}. */
    public static String ownerBoard(String change) {
        return "owner:board:" + change;
    }

    /** The option a board field write of a project needs, ensured once per project and option. */
    public static String boardOptionOf(String org, int boardNumber, String field, String option, Long projectId) {
        return "board-option:" + org.toLowerCase(Locale.ROOT) + "/" + boardNumber + ":"
                + field.toLowerCase(Locale.ROOT) + ":" + option.toLowerCase(Locale.ROOT) + ":p" + projectId;
    }

    /** Prefix of every key of a project, for LIKE queries. */
    public static String prefix(String slug) {
        return "p:" + slug + ":";
    }

    /** Prefix of every key of one kind in a project ({@code what} as above). */
    public static String prefix(String slug, String what) {
        return "p:" + slug + ":" + what + ":";
    }

    public static Optional<Key> parse(String key) {
        if (key == null || !key.startsWith("p:")) {
            return Optional.empty();
        }
        String[] parts = key.split(":", 5);
        if (parts.length < 3) {
            return Optional.empty();
        }
        String repo = parts.length > 3 && !"-".equals(parts[3]) ? parts[3] : null;
        return Optional.of(new Key(parts[1], parts[2], repo, parts.length > 4 ? parts[4] : null));
    }

    /** A write described for people: "issue in openedx/edx-platform", "roadmap issue". */
    public static String describe(String key) {
        return parse(key).map(k -> switch (k.what()) {
            case MILESTONE -> "milestone of the roadmap issue";
            case ROADMAP -> "roadmap issue";
            case REPO_ISSUE -> "issue in " + k.repo();
            case SUB_ISSUE -> "sub-issue link of " + k.repo();
            case BOARD_OPTION -> "board option for " + k.detail();
            case BOARD_ITEM -> "board item of " + k.repo();
            case BOARD_FIELD -> "board field " + k.detail() + " of " + k.repo();
            case BOARD_FIELDS -> "board fields of " + k.repo();
            case ROADMAP_BOARD_ITEM -> "roadmap issue on the roadmap board";
            case ROADMAP_BOARD_FIELD -> "roadmap board field " + k.detail() + " of the roadmap issue";
            case CHILDREN -> "child list of the roadmap issue";
            case REMOVAL_COMMENT -> "removal comment in " + k.repo();
            case REMOVAL_CLOSE -> "closing the issue in " + k.repo();
            case READD_COMMENT -> "back-in-scope comment in " + k.repo();
            case READD_REOPEN -> "reopening the issue in " + k.repo();
            case FINISH_COMMENT -> "finish comment on the roadmap issue";
            case FINISH_CLOSE -> "closing the roadmap issue";
            case REOPEN_COMMENT -> "reopen comment on the roadmap issue";
            case REOPEN_ISSUE -> "reopening the roadmap issue";
            case FOLLOW_UP -> "follow-up issue for an inadequately maintained dependency";
            case OUTSIDE_ISSUE -> "outside issue " + k.detail() + " in " + k.repo();
            case OUTSIDE_BOARD_ITEM -> "board item of outside issue " + k.detail();
            case OUTSIDE_BOARD_FIELD -> "board field of outside issue " + k.detail();
            case OUTSIDE_SECTION -> "outside issues section of the roadmap issue";
            case CHECKLIST -> "runbook checklist of the roadmap issue";
            default -> key;
        }).orElse(key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String norm(String repo) {
        return repo.toLowerCase(Locale.ROOT);
    }

    private static String field(String field) {
        return field.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
