package io.upgradebot.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub repository, {@code owner/name}.
 *
 * <p>GitHub treats owner and repository names case-insensitively ({@code OpenEdx/Edx-Platform} is
 * {@code openedx/edx-platform}), so two refs are {@link #equals equal} when they differ only in case; the
 * spelling given first is kept for display. Use {@link #key()} as a map or database key.
 */
public record RepoRef(String owner, String name) {

    /** GitHub user/org names: alphanumerics and single hyphens, no hyphen at either end, at most 39 chars. */
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    /** GitHub repository names: ASCII letters, digits, '.', '-', '_', at most 100 chars, not "." or "..". */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private static final Pattern HTTPS_URL = Pattern.compile(
            "(?i)^(?:https?://)?(?:www\\.)?github\\.com/([^/\\s]+)/([^/\\s?#]+)(?:[/?#].*)?$");
    private static final Pattern SSH_URL = Pattern
            .compile("(?i)^(?:ssh://)?git@github\\.com[:/]([^/\\s]+)/([^/\\s]+)$");

    public RepoRef {
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("'" + owner + "' is not a valid GitHub owner name");
        }
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' is not a valid GitHub repository name");
        }
    }

    /**
     * Parses {@code org/repo}, {@code https://github.com/org/repo(.git)(/anything)} or
     * {@code git@github.com:org/repo.git}.
     *
     * @throws IllegalArgumentException with a message fit to show a person
     */
    public static RepoRef parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + (text == null ? "" : text.strip()) + "' is not org/repo"));
    }

    /** {@link #parse} without the exception. */
    public static Optional<RepoRef> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        String owner;
        String name;
        Matcher m;
        if ((m = HTTPS_URL.matcher(t)).matches() || (m = SSH_URL.matcher(t)).matches()) {
            owner = m.group(1);
            name = stripGitSuffix(m.group(2));
        } else {
            int slash = t.indexOf('/');
            if (slash < 0 || slash != t.lastIndexOf('/')) {
                return Optional.empty();
            }
            owner = t.substring(0, slash);
            name = t.substring(slash + 1);
        }
        try {
            return Optional.of(new RepoRef(owner, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String stripGitSuffix(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".git") ? name.substring(0, name.length() - 4) : name;
    }

    /** {@code owner/name} as spelled when parsed. */
    public String fullName() {
        return owner + "/" + name;
    }

    /** Lower-cased {@code owner/name}: the identity GitHub uses. */
    public String key() {
        return fullName().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RepoRef other && key().equals(other.key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    @Override
    public String toString() {
        return fullName();
    }
}
