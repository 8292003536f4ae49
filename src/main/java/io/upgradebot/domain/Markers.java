package io.upgradebot.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hidden HTML comments the bot leaves in issue bodies and comments, so it finds its own issues again instead of
 * creating them twice (after a crash, a retry, a re-run), and tells its own comments from people's. They render
 * as nothing on GitHub.
 *
 * <ul>
 * <li>repository issue: {@code <!-- upgrade-bot:project=django-5-2 repo=openedx/edx-platform -->}</li>
 * <li>roadmap issue: {@code <!-- upgrade-bot:roadmap=django-5-2 -->}</li>
 * <li>comment: {@code <!-- upgrade-bot:comment=owner-does id=42 -->}</li>
 * </ul>
 * Repositories are written lower-case (GitHub names are case-insensitive) so a plain substring search matches.
 */
public final class Markers {

    public static final String PREFIX = "<!-- upgrade-bot:";

    private static final Pattern REPO_ISSUE = Pattern.compile(
            "<!-- upgrade-bot:project=([a-z0-9-]+) repo=([A-Za-z0-9-]+/[A-Za-z0-9._-]+) -->");
    private static final Pattern ROADMAP = Pattern.compile("<!-- upgrade-bot:roadmap=([a-z0-9-]+) -->");
    private static final Pattern COMMENT = Pattern.compile("<!-- upgrade-bot:comment=(\\S+) id=(\\S+) -->");

    /** A repository issue marker read back from a body. */
    public record RepoIssueMarker(String projectSlug, RepoRef repo) {
    }

    /** A comment marker read back from a comment body. */
    public record CommentMarker(String purpose, String id) {
    }

    private Markers() {
    }

    public static String repoIssue(String projectSlug, RepoRef repo) {
        return PREFIX + "project=" + safe(projectSlug) + " repo=" + repo.key() + " -->";
    }

    public static String roadmap(String projectSlug) {
        return PREFIX + "roadmap=" + safe(projectSlug) + " -->";
    }

    /**
     * @param purpose what the comment is for ("owner-does", "scope-removed")
     * @param id      what makes it unique within the issue (a choice id, a date)
     */
    public static String comment(String purpose, String id) {
        return PREFIX + "comment=" + safe(purpose) + " id=" + safe(id) + " -->";
    }

    public static Optional<RepoIssueMarker> findRepoIssue(String body) {
        Matcher m = REPO_ISSUE.matcher(body == null ? "" : body);
        return m.find() ? RepoRef.tryParse(m.group(2)).map(r -> new RepoIssueMarker(m.group(1), r)) : Optional.empty();
    }

    public static Optional<String> findRoadmap(String body) {
        Matcher m = ROADMAP.matcher(body == null ? "" : body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static Optional<CommentMarker> findComment(String body) {
        Matcher m = COMMENT.matcher(body == null ? "" : body);
        return m.find() ? Optional.of(new CommentMarker(m.group(1), m.group(2))) : Optional.empty();
    }

    /** True when the text carries any upgrade-bot marker: written by the bot (not human activity). */
    public static boolean isBotAuthored(String body) {
        return body != null && body.contains(PREFIX);
    }

    /** Values must not end the comment early or contain the separator. */
    private static String safe(String value) {
        String v = value == null ? "" : value.strip().replaceAll("\\s+", "-").replace("-->", "").replace(">", "");
        if (v.isEmpty()) {
            throw new IllegalArgumentException("a marker value cannot be empty");
        }
        return v;
    }
}
