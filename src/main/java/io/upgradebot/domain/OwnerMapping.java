package io.upgradebot.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bot's own repository -> owning team table, the last resort after catalog-info.yaml and CODEOWNERS.
 *
 * <p>Format ({@link #parse}): one entry per line (or separated by {@code ;}, so it fits an env var),
 * {@code pattern = team} (also {@code pattern: team} or {@code pattern team}); {@code #} starts a comment.
 * A pattern is {@code org/repo} or a glob: {@code *} matches within a name, {@code ?} one character
 * ({@code openedx/frontend-*}, {@code openedx/*}). Matching ignores case. An exact entry beats any glob; among
 * globs the first in the file wins, so put narrower patterns first.
 */
public record OwnerMapping(List<Entry> entries) {

    public record Entry(String pattern, String team) {
        boolean isGlob() {
            return pattern.contains("*") || pattern.contains("?");
        }

        boolean matches(RepoRef repo) {
            return toRegex(pattern).matcher(repo.key()).matches();
        }

        private static Pattern toRegex(String glob) {
            StringBuilder re = new StringBuilder();
            for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
                switch (c) {
                    case '*' -> re.append("[^/]*");
                    case '?' -> re.append("[^/]");
                    default -> re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(re.toString());
        }
    }

    public OwnerMapping {
        entries = List.copyOf(entries);
    }

    public static OwnerMapping empty() {
        return new OwnerMapping(List.of());
    }

    /**
     * Parses the format described on the class.
     *
     * @throws IllegalArgumentException naming the bad line
     */
    public static OwnerMapping parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\\R|;");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s*[=:]\\s*|\\s+", 2);
            String pattern = parts[0].strip();
            if (parts.length < 2 || parts[1].isBlank() || pattern.indexOf('/') <= 0
                    || pattern.indexOf('/') != pattern.lastIndexOf('/')) {
                throw new IllegalArgumentException(
                        "owner mapping entry '" + line + "' is not 'org/repo-or-glob = team'");
            }
            entries.add(new Entry(pattern, parts[1].strip()));
        }
        return new OwnerMapping(entries);
    }

    public Optional<String> ownerOf(RepoRef repo) {
        return entries.stream().filter(e -> !e.isGlob() && e.pattern().equalsIgnoreCase(repo.fullName())).findFirst()
                .or(() -> entries.stream().filter(e -> e.isGlob() && e.matches(repo)).findFirst())
                .map(Entry::team);
    }
}
