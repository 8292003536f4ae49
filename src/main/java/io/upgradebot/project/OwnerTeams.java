package io.upgradebot.project;

import io.upgradebot.config.OwnerDoesConfig;
import io.upgradebot.github.GitHubTeamMembers;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reaches an owning team in Slack: first the {@code upgrade-bot.owners.slack} table ({@code team = S0123} for a user
 * group, {@code team = U01 U02} for users), else, when allowed, the team's GitHub members' public e-mails looked up
 * with Slack's users.lookupByEmail. A team found neither way stays unknown: nobody is guessed into it.
 *
 * <p>Answers are cached for {@code upgrade-bot.owners.cache-ttl}: one modal for 500 repositories asks about each
 * team once, not once per repository.
 */
@ApplicationScoped
public class OwnerTeams {

    private static final Logger LOG = Logger.getLogger(OwnerTeams.class);

    private final OwnerDoesConfig config;
    private final SlackDirectory directory;
    private final GitHubTeamMembers github;
    private final Map<String, Cached<TeamAudience>> audiences = new ConcurrentHashMap<>();
    private final Map<String, Cached<Set<String>>> members = new ConcurrentHashMap<>();
    private volatile Map<String, TeamAudience> table;

    private record Cached<T>(T value, Instant until) {
    }

    private final Clock clock;

    public OwnerTeams(OwnerDoesConfig config, SlackDirectory directory, GitHubTeamMembers github, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.directory = directory;
        this.github = github;
    }

    /**
     * The team's Slack audience. {@code repoOrg} is the organisation of a repository the team owns: a bare team
     * name (Backstage groups are often named like the GitHub team) is looked up in that organisation.
     */
    public TeamAudience audience(String team, String repoOrg) {
        if (team == null || team.isBlank()) {
            return TeamAudience.unknown(team);
        }
        String key = normalise(team) + "@" + (repoOrg == null ? "" : repoOrg.toLowerCase(Locale.ROOT));
        Cached<TeamAudience> hit = audiences.get(key);
        if (hit != null && hit.until().isAfter(clock.instant())) {
            return hit.value();
        }
        TeamAudience found = configured(team).orElseGet(() -> viaGitHub(team, repoOrg));
        audiences.put(key, new Cached<>(found, clock.instant().plus(config.owners().cacheTtl())));
        return found;
    }

    /** Slack user ids of the team's people (user group expanded); empty when the team is unknown. */
    public Set<String> members(String team, String repoOrg) {
        TeamAudience audience = audience(team, repoOrg);
        if (audience.userGroupId().isEmpty()) {
            return new LinkedHashSet<>(audience.userIds());
        }
        String group = audience.userGroupId().get();
        Cached<Set<String>> hit = members.get(group);
        if (hit != null && hit.until().isAfter(clock.instant())) {
            return hit.value();
        }
        Set<String> ids = new LinkedHashSet<>(directory.userGroupMembers(group));
        ids.addAll(audience.userIds());
        members.put(group, new Cached<>(Set.copyOf(ids), clock.instant().plus(config.owners().cacheTtl())));
        return ids;
    }

    public boolean isMember(String slackUserId, String team, String repoOrg) {
        return slackUserId != null && team != null && members(team, repoOrg).contains(slackUserId);
    }

    /** Forgets cached answers (tests, and after an operator changes the configuration). */
    public void forget() {
        audiences.clear();
        members.clear();
        table = null;
    }

    // --- configuration table --------------------------------------------------------------------------------

    private Optional<TeamAudience> configured(String team) {
        Map<String, TeamAudience> t = table();
        TeamAudience exact = t.get(normalise(team));
        if (exact != null) {
            return Optional.of(new TeamAudience(team, exact.userGroupId(), exact.userIds(), "config"));
        }
        // "arch-bom" from catalog-info and "openedx/arch-bom" from CODEOWNERS are the same team when only one
        // configured entry has that bare name.
        String bare = bare(team);
        List<TeamAudience> byName = t.entrySet().stream().filter(e -> bare(e.getKey()).equals(bare))
                .map(Map.Entry::getValue).toList();
        return byName.size() == 1
                ? Optional.of(new TeamAudience(team, byName.get(0).userGroupId(), byName.get(0).userIds(), "config"))
                : Optional.empty();
    }

    private Map<String, TeamAudience> table() {
        Map<String, TeamAudience> t = table;
        if (t == null) {
            t = parse(config.owners().slack().orElse(""));
            table = t;
        }
        return t;
    }

    /** {@code team = S0123} or {@code team = U01 U02}, separated by newlines or {@code ;}; bad entries are logged. */
    static Map<String, TeamAudience> parse(String text) {
        Map<String, TeamAudience> out = new LinkedHashMap<>();
        for (String raw : text.split("\\R|;")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                LOG.errorf("upgrade-bot.owners.slack: '%s' is not 'team = S0123 | U01 U02'; ignored", line);
                continue;
            }
            String team = line.substring(0, eq).strip();
            Optional<String> group = Optional.empty();
            List<String> users = new ArrayList<>();
            boolean bad = false;
            for (String id : line.substring(eq + 1).strip().split("[\\s,|]+")) {
                if (id.isEmpty()) {
                    continue;
                }
                if (id.matches("S[A-Z0-9]+") && group.isEmpty()) {
                    group = Optional.of(id);
                } else if (id.matches("[UW][A-Z0-9]+")) {
                    users.add(id);
                } else {
                    bad = true;
                }
            }
            if (bad || (group.isEmpty() && users.isEmpty())) {
                LOG.errorf("upgrade-bot.owners.slack: '%s' needs one user group id (S…) or user ids (U…); ignored",
                        line);
                continue;
            }
            out.put(normalise(team), new TeamAudience(team, group, users, "config"));
        }
        return out;
    }

    // --- GitHub members' e-mails -> Slack users ----------------------------------------------------------------

    private TeamAudience viaGitHub(String team, String repoOrg) {
        if (!config.owners().githubLookup()) {
            return TeamAudience.unknown(team);
        }
        String t = normalise(team);
        if (t.contains("@") || t.contains(" ")) {
            // an e-mail address from CODEOWNERS: Slack knows it directly
            return t.contains("@")
                    ? directory.userIdByEmail(t)
                            .map(id -> new TeamAudience(team, Optional.empty(), List.of(id), "github"))
                            .orElse(TeamAudience.unknown(team))
                    : TeamAudience.unknown(team);
        }
        List<String> logins;
        int slash = t.indexOf('/');
        if (slash > 0) {
            logins = github.memberLogins(t.substring(0, slash), t.substring(slash + 1));
        } else {
            logins = repoOrg == null ? List.of() : github.memberLogins(repoOrg, t);
            if (logins.isEmpty()) {
                logins = List.of(t); // a single person (CODEOWNERS "@jane", catalog "user:jane")
            }
        }
        List<String> ids = new ArrayList<>();
        for (String login : logins) {
            github.publicEmail(login).flatMap(directory::userIdByEmail).ifPresent(ids::add);
        }
        return ids.isEmpty() ? TeamAudience.unknown(team) : new TeamAudience(team, Optional.empty(), ids, "github");
    }

    static String normalise(String team) {
        String t = team.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("@") ? t.substring(1) : t;
    }

    private static String bare(String team) {
        String t = normalise(team);
        return t.substring(t.lastIndexOf('/') + 1);
    }
}
