package io.upgradebot.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "impacted repositories" field of {@code /upgrade new}: either a pasted list or a GitHub search.
 *
 * <p>A list holds {@code org/repo} entries or GitHub URLs, one per line or separated by commas or whitespace;
 * blank lines and {@code #} comments (whole line or trailing) are ignored. Every bad entry is reported with
 * its line number, so the modal can show all problems at once instead of one per submit.
 */
public final class RepoListParser {

    /** Search qualifiers of GitHub's repository and code search that mark the text as a query, not a list. */
    private static final Set<String> QUALIFIERS = Set.of(
            "org", "user", "repo", "topic", "topics", "language", "filename", "path", "extension", "in", "is",
            "archived", "fork", "forks", "stars", "size", "pushed", "created", "license", "mirror", "template",
            "visibility", "content", "symbol", "good-first-issues", "help-wanted-issues", "followers");

    private static final Pattern QUALIFIER = Pattern.compile("(?:^|\\s)-?([A-Za-z-]+):(?=\\S)");

    private RepoListParser() {
    }

    public static RepoListParse parse(String text) {
        Set<RepoRef> repos = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            List<String> bad = new ArrayList<>();
            boolean anyGood = false;
            for (String token : line.split("[,\\s]+")) {
                if (token.isEmpty()) {
                    continue;
                }
                var ref = RepoRef.tryParse(token);
                if (ref.isPresent()) {
                    repos.add(ref.get());
                    anyGood = true;
                } else {
                    bad.add(token);
                }
            }
            // "foo bar" on its own is more likely one mistyped entry than two: quote the line as typed.
            if (!anyGood && bad.size() > 1 && !line.contains(",")) {
                errors.add("line " + (i + 1) + ": '" + line + "' is not org/repo");
            } else {
                for (String token : bad) {
                    errors.add("line " + (i + 1) + ": '" + token + "' is not org/repo");
                }
            }
        }
        return new RepoListParse(new ArrayList<>(repos), errors);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        // "#" starts a comment at the start of a line or after whitespace; "https://github.com/o/r#readme" is a URL.
        while (hash >= 0) {
            if (hash == 0 || Character.isWhitespace(line.charAt(hash - 1))) {
                return line.substring(0, hash);
            }
            hash = line.indexOf('#', hash + 1);
        }
        return line;
    }

    /**
     * True when the text is a GitHub search rather than a list: it uses a search qualifier such as
     * {@code org:}, {@code topic:}, {@code filename:}, {@code language:} or {@code user:}.
     * URLs ({@code https://…}, {@code git@github.com:…}) are not qualifiers.
     */
    public static boolean looksLikeSearch(String text) {
        Matcher m = QUALIFIER.matcher(text == null ? "" : text);
        while (m.find()) {
            if (QUALIFIERS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Which search API serves the query; only meaningful when {@link #looksLikeSearch} is true. */
    public static SearchKind searchKind(String query) {
        return SearchKind.of(query);
    }
}
