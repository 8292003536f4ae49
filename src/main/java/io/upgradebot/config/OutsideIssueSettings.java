package io.upgradebot.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The outside-issue settings parsed once: the dependency repository and the operations groups. A setting that is
 * not {@code owner/repo} stops the start with a message naming it (an issue opened in the wrong place is worse than
 * no start); unset, {@code /upgrade deps} says what to configure.
 */
@ApplicationScoped
public class OutsideIssueSettings {

    private static final Logger LOG = Logger.getLogger(OutsideIssueSettings.class);
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");

    private final OutsideIssuesConfig config;

    public OutsideIssueSettings(OutsideIssuesConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid outside-issue settings: " + String.join("; ", problems));
        }
        if (dependencyRepo().isEmpty() && opsRepos().isEmpty()) {
            LOG.info("No dependency repository nor operations repositories configured: /upgrade deps says so");
        }
    }

    /** What is wrong with the settings, one line each (empty when they are fine). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        config.dependencyRepo().map(String::strip).filter(r -> !REPO.matcher(r).matches())
                .ifPresent(r -> problems.add("upgrade-bot.dependency-repo (UPGRADE_BOT_DEPENDENCY_REPO) \"" + r
                        + "\" is not owner/repo"));
        Map<String, String> seen = new LinkedHashMap<>();
        for (String entry : config.opsRepos().orElse(List.of())) {
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).strip();
            String repo = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (name.isEmpty() || !REPO.matcher(repo).matches()) {
                problems.add("upgrade-bot.ops-repos (UPGRADE_BOT_OPS_REPOS) entry \"" + entry.strip()
                        + "\" is not name=owner/repo");
            } else if (seen.put(name.toLowerCase(java.util.Locale.ROOT), repo) != null) {
                problems.add("upgrade-bot.ops-repos (UPGRADE_BOT_OPS_REPOS) names \"" + name + "\" twice");
            }
        }
        return problems;
    }

    /** The dependency repository, when configured and valid. */
    public Optional<String> dependencyRepo() {
        return config.dependencyRepo().map(String::strip).filter(r -> REPO.matcher(r).matches());
    }

    public List<String> dependencyLabels() {
        return config.dependencyLabels().stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Operations group name → repository, in the configured order (valid entries only). */
    public Map<String, String> opsRepos() {
        Map<String, String> repos = new LinkedHashMap<>();
        for (String entry : config.opsRepos().orElse(List.of())) {
            int eq = entry.indexOf('=');
            if (eq > 0 && REPO.matcher(entry.substring(eq + 1).strip()).matches()) {
                repos.putIfAbsent(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
            }
        }
        return repos;
    }

    public Optional<String> communityChannel() {
        return config.communityChannel().map(String::strip).filter(c -> !c.isEmpty());
    }
}
