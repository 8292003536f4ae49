package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two GitHub reads that reach a team's people in Slack when the configuration does not say who they are:
 * a team's members and a user's public e-mail (Slack's users.lookupByEmail takes it from there). Kept apart from
 * {@link GitHubGateway} because only owner lookup needs them.
 *
 * <p>Failure semantics: anything that fails (404, no permission, rate limit, I/O) answers empty, because an
 * unknown audience is a normal outcome ("unknown owners are shown as unknown"). Only public e-mails are visible
 * to the API: members who hide theirs are not found this way.
 */
@ApplicationScoped
public class GitHubTeamMembers {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    /** Five pages of 100: far beyond a team that owns repositories. */
    private static final int MAX_PAGES = 5;

    private final GitHubJsonClient client;

    public GitHubTeamMembers(GitHubJsonClient client) {
        this.client = client;
    }

    /** Logins of the team's members ({@code GET /orgs/{org}/teams/{slug}/members}); empty when unknown. */
    public List<String> memberLogins(String org, String teamSlug) {
        List<String> logins = new ArrayList<>();
        String url = "/orgs/" + enc(org) + "/teams/" + enc(teamSlug) + "/members?per_page=100";
        for (int page = 0; url != null && page < MAX_PAGES; page++) {
            Optional<GitHubJsonClient.Answer> answer = client.get(url);
            if (answer.isEmpty() || !answer.get().body().isArray()) {
                return List.of();
            }
            for (JsonNode member : answer.get().body()) {
                logins.add(member.path("login").asText());
            }
            Matcher next = NEXT.matcher(answer.get().response().headers().firstValue("Link").orElse(""));
            url = next.find() ? next.group(1) : null;
        }
        return logins;
    }

    /** The user's public e-mail ({@code GET /users/{login}}), empty when hidden or unknown. */
    public Optional<String> publicEmail(String login) {
        return client.get("/users/" + enc(login)).map(a -> a.body().path("email"))
                .filter(e -> e.isTextual() && !e.asText().isBlank()).map(JsonNode::asText);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
