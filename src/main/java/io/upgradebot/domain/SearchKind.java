package io.upgradebot.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which GitHub search API expands a query into repositories. */
public enum SearchKind {
    /** {@code GET /search/repositories}: the query describes repositories (org, topic, language…). */
    REPOSITORIES,
    /**
     * {@code GET /search/code}: the query looks inside files (a filename, path or extension qualifier), e.g.
     * {@code org:openedx filename:requirements.in django}; the repositories are those of the matching files.
     */
    CODE;

    private static final Pattern QUALIFIER = Pattern.compile("(?:^|\\s)-?([A-Za-z]+):(?=\\S)");

    /**
     * Qualifiers only the code search understands. Not {@code content:} or {@code symbol:}: those belong to the web's
     * new code search; the REST code search runs the legacy engine, which ignores them (such queries are refused
     * before they get here).
     */
    private static final java.util.Set<String> CODE_ONLY = java.util.Set.of("filename", "path", "extension");

    public static SearchKind of(String query) {
        Matcher m = QUALIFIER.matcher(query == null ? "" : query);
        while (m.find()) {
            if (CODE_ONLY.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                return CODE;
            }
        }
        return REPOSITORIES;
    }
}
