package io.upgradebot.domain;

import java.util.List;

/**
 * Result of reading a pasted repository list.
 *
 * @param repos  the valid repositories, de-duplicated (case-insensitively), in input order
 * @param errors one message per bad entry, e.g. {@code line 3: 'foo bar' is not org/repo}
 */
public record RepoListParse(List<RepoRef> repos, List<String> errors) {

    public RepoListParse {
        repos = List.copyOf(repos);
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
