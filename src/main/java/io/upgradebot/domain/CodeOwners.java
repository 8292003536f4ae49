package io.upgradebot.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the owner of a repository's root from its CODEOWNERS file.
 *
 * <p>The ownership rules say "first rule covering the root". In CODEOWNERS the <em>last</em> matching pattern takes
 * precedence (GitHub docs), so a repository whose file says {@code * @org/a} and later {@code * @org/b} is owned
 * by {@code org/b} on GitHub; following GitHub keeps the bot and GitHub's review requests in agreement. The
 * bot therefore takes the last rule whose pattern covers the root ({@code *}, {@code /}, {@code /*},
 * {@code **}, {@code /**}, {@code **}{@code /*}); narrower rules ({@code /docs/}, {@code *.js}) do not make a
 * repository owner. A last root rule with no owners means "explicitly unowned": no owner.
 */
public final class CodeOwners {

    private static final Set<String> ROOT_PATTERNS = Set.of("*", "/", "/*", "**", "/**", "**/*", "/**/*");

    private CodeOwners() {
    }

    /**
     * The owner of the root: the first team ({@code @org/team} -> {@code org/team}) of the last root rule, else
     * its first user ({@code @jane} -> {@code jane}) or e-mail.
     */
    public static Optional<String> ownerOfRoot(String codeownersText) {
        List<String> owners = rootOwners(codeownersText);
        return owners.stream().filter(o -> o.contains("/")).findFirst().or(() -> owners.stream().findFirst());
    }

    /** Every owner of the last root rule, {@code @} stripped, in file order; empty when none. */
    public static List<String> rootOwners(String codeownersText) {
        List<String> owners = List.of();
        for (String raw : (codeownersText == null ? "" : codeownersText).split("\\R")) {
            String line = stripComment(raw).strip();
            // GitLab-style "[Section]" headers are not GitHub syntax; skip them rather than misread them.
            if (line.isEmpty() || line.startsWith("[") || line.startsWith("^[")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (ROOT_PATTERNS.contains(parts[0])) {
                List<String> found = new ArrayList<>();
                Arrays.stream(parts).skip(1).map(o -> o.startsWith("@") ? o.substring(1) : o)
                        .filter(o -> !o.isEmpty()).forEach(found::add);
                owners = found;
            }
        }
        return List.copyOf(owners);
    }

    private static String stripComment(String line) {
        // "\#" escapes a pattern starting with '#'; otherwise '#' starts a comment.
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
