package io.upgradebot.project.creation;

import io.upgradebot.domain.RepoListParse;
import io.upgradebot.domain.RepoListParser;
import io.upgradebot.domain.RepoRef;
import io.upgradebot.domain.SearchKind;
import io.upgradebot.github.GitHubException;
import io.upgradebot.github.GitHubGateway;
import io.upgradebot.github.GitHubTypes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns the "impacted repositories" field into repositories the bot can create issues in (runbook "Determine Scope
 * of Impact"): expands a GitHub search, then checks every repository exists, is visible to the bot and is not
 * archived (GitHub refuses issues there). Reads only, after the Slack ack.
 */
@ApplicationScoped
public class ResolveRepositories {

    /** Concurrent reads while checking: enough to check 500 repositories in seconds, few enough to be polite. */
    private static final int PARALLEL_CHECKS = 4;

    private final GitHubGateway github;

    public ResolveRepositories(GitHubGateway github) {
        this.github = github;
    }

    /**
     * @param reachable    full names as GitHub spells them, in input (or search) order, without duplicates
     * @param unreachable  named but not usable, with why
     * @param searchQuery  the query when the field was a search, else null
     * @param problem      why nothing could be resolved (search refused, too many results, GitHub rate limit); null
     *                     when resolution worked
     */
    public record Resolution(List<String> reachable, List<UnreachableRepo> unreachable, String searchQuery,
            Problem problem) {
        static Resolution failed(Problem problem) {
            return new Resolution(List.of(), List.of(), null, problem);
        }
    }

    /** Why no repository could be resolved. */
    public enum ProblemKind {
        /** The search found nothing. */
        SEARCH_FOUND_NOTHING,
        /** The search finds more than one project may hold ({@code max}). */
        SEARCH_FINDS_TOO_MANY,
        /** More repositories named ({@code count}) than one project may hold ({@code max}). */
        TOO_MANY,
        /** GitHub's search is rate limited, until {@code retryAt} when known. */
        SEARCH_RATE_LIMITED,
        /** GitHub refused the search ({@code detail} says how). */
        SEARCH_REFUSED,
        /** GitHub rate-limited the repository checks, until {@code retryAt} when known. */
        CHECKS_RATE_LIMITED,
        /** Interrupted while checking repositories. */
        INTERRUPTED
    }

    /**
     * @param kind        what went wrong
     * @param searchQuery the search, when the field was one, else null
     * @param count       how many repositories were named ({@link ProblemKind#TOO_MANY}), else 0
     * @param max         the most one project holds
     * @param retryAt     when GitHub said a rate limit ends
     * @param detail      GitHub's message ({@link ProblemKind#SEARCH_REFUSED}), else null
     */
    public record Problem(ProblemKind kind, String searchQuery, int count, int max, Optional<Instant> retryAt,
            String detail) {

        static Problem of(ProblemKind kind, String searchQuery, int max) {
            return new Problem(kind, searchQuery, 0, max, Optional.empty(), null);
        }
    }

    /** Syntax only, for the modal's field errors (no GitHub call): null when fine. */
    public static String syntaxError(String text) {
        if (text == null || text.isBlank()) {
            return "Name the impacted repositories (org/repo, one per line) or give a GitHub search such as "
                    + "org:openedx topic:django";
        }
        if (RepoListParser.looksLikeSearch(text)) {
            return searchSyntaxError(text.strip());
        }
        RepoListParse parse = RepoListParser.parse(text);
        if (parse.hasErrors()) {
            List<String> errors = parse.errors();
            return String.join("; ", errors.subList(0, Math.min(5, errors.size())))
                    + (errors.size() > 5 ? "; and " + (errors.size() - 5) + " more" : "");
        }
        if (parse.repos().isEmpty()) {
            return "No repository found in this text: use org/repo, one per line or comma-separated";
        }
        return null;
    }

    /** GitHub refuses queries over 256 characters and with more than five AND/OR/NOT operators. */
    static String searchSyntaxError(String q) {
        if (q.length() > 256) {
            return "GitHub searches are at most 256 characters; this one has " + q.length();
        }
        if (q.chars().filter(c -> c == '"').count() % 2 != 0) {
            return "A quote (\") is not closed in the search";
        }
        long operators = java.util.Arrays.stream(q.split("\\s+")).filter(w -> w.equals("AND") || w.equals("OR")
                || w.equals("NOT")).count();
        if (operators > 5) {
            return "GitHub allows at most five AND, OR or NOT operators in a search";
        }
        java.util.regex.Matcher empty = java.util.regex.Pattern.compile("(?:^|\\s)-?([A-Za-z-]+):(?=\\s|$)").matcher(q);
        if (empty.find()) {
            return "'" + empty.group(1) + ":' needs a value, e.g. org:openedx";
        }
        java.util.regex.Matcher webOnly = java.util.regex.Pattern.compile("(?i)(?:^|\\s)-?(content|symbol):(?=\\S)")
                .matcher(q);
        if (webOnly.find()) {
            // the REST code search (the only one an API client may use) runs GitHub's legacy engine, which does not
            // know these qualifiers of the web's code search and would quietly search for something else
            return "'" + webOnly.group(1).toLowerCase(Locale.ROOT) + ":' works only in GitHub's web code search, not "
                    + "in the search the bot can use: write the words alone (they are matched in file contents), "
                    + "e.g. org:openedx filename:requirements.in django";
        }
        if (!q.matches("(?s).*(?:^|\\s)-?(org|user|repo):\\S.*")) {
            return "Limit the search to an organisation or user (org:openedx …) so it names your repositories only";
        }
        return null;
    }

    public Resolution resolve(String text, int max) {
        String searchQuery = null;
        List<String> named;
        try {
            if (RepoListParser.looksLikeSearch(text)) {
                searchQuery = text.strip().replaceAll("\\s+", " ");
                SearchKind kind = RepoListParser.searchKind(searchQuery);
                named = kind == SearchKind.CODE
                        ? github.searchCodeRepositories(searchQuery, max + 1)
                        : github.searchRepositories(searchQuery, max + 1);
                if (named.isEmpty()) {
                    return Resolution.failed(Problem.of(ProblemKind.SEARCH_FOUND_NOTHING, searchQuery, max));
                }
                if (named.size() > max) {
                    return Resolution.failed(Problem.of(ProblemKind.SEARCH_FINDS_TOO_MANY, searchQuery, max));
                }
            } else {
                named = RepoListParser.parse(text).repos().stream().map(RepoRef::fullName).toList();
                if (named.size() > max) {
                    return Resolution.failed(
                            new Problem(ProblemKind.TOO_MANY, null, named.size(), max, Optional.empty(), null));
                }
            }
        } catch (GitHubException.RateLimited e) {
            return Resolution.failed(
                    new Problem(ProblemKind.SEARCH_RATE_LIMITED, searchQuery, 0, max, e.retryAt(), null));
        } catch (GitHubException e) {
            return Resolution.failed(
                    new Problem(ProblemKind.SEARCH_REFUSED, searchQuery, 0, max, Optional.empty(), e.getMessage()));
        }
        return check(dedupe(named), searchQuery);
    }

    private static List<String> dedupe(List<String> names) {
        Map<String, String> byKey = new LinkedHashMap<>();
        names.forEach(n -> byKey.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
        return new ArrayList<>(byKey.values());
    }

    private Resolution check(List<String> names, String searchQuery) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_CHECKS, Math.max(1, names.size())));
        try {
            List<Future<Optional<GitHubTypes.Repo>>> checks = new ArrayList<>();
            for (String n : names) {
                checks.add(pool.submit(() -> lookUp(n)));
            }
            List<String> reachable = new ArrayList<>();
            List<UnreachableRepo> unreachable = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Optional<GitHubTypes.Repo> repo;
                try {
                    repo = checks.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof GitHubException.RateLimited rl) {
                        return Resolution.failed(new Problem(ProblemKind.CHECKS_RATE_LIMITED, searchQuery, 0, 0,
                                rl.retryAt(), null));
                    }
                    unreachable.add(new UnreachableRepo(names.get(i), "could not be checked: " + cause.getMessage()));
                    continue;
                }
                if (repo.isEmpty()) {
                    unreachable.add(new UnreachableRepo(names.get(i), "does not exist or the bot cannot see it"));
                } else if (repo.get().archived()) {
                    unreachable.add(new UnreachableRepo(repo.get().fullName(), "is archived (read-only)"));
                } else {
                    reachable.add(repo.get().fullName());
                }
            }
            return new Resolution(dedupe(reachable), unreachable, searchQuery, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Resolution.failed(Problem.of(ProblemKind.INTERRUPTED, searchQuery, 0));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Why the bot cannot create issues in {@code repo} (missing, invisible, archived), or empty when it can. */
    public Optional<String> unusable(String repo) {
        try {
            Optional<GitHubTypes.Repo> found = lookUp(repo);
            if (found.isEmpty()) {
                return Optional.of(repo + " does not exist or the bot cannot see it");
            }
            return found.get().archived() ? Optional.of(repo + " is archived (read-only)") : Optional.empty();
        } catch (GitHubException e) {
            return Optional.of(repo + " could not be checked (" + e.getMessage() + "); try again in a minute");
        }
    }

    /** One retry on a transient failure: a 5xx on one repository should not make it "unreachable". */
    private Optional<GitHubTypes.Repo> lookUp(String name) {
        try {
            return github.repository(name);
        } catch (GitHubException.Transient e) {
            return github.repository(name);
        }
    }
}
