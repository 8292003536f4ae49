package io.upgradebot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * manifest.json is what a person pastes into "Create New App → From an app manifest": it must parse, carry the
 * keys Slack requires, point every request at /slack/events, keep Slack's length limits, and ask for exactly the
 * bot scopes docs/slack-app.md justifies.
 */
class SlackManifestTest {

    private static final String ENDPOINT_PATH = "/slack/events";
    /** Every subcommand in slack/command (CommandDocsTest reads them from the sources and checks their arguments). */
    private static final List<String> SUBCOMMANDS = List.of("new", "list", "status", "repos", "ask", "tbd", "announce",
            "schedule", "nudges", "sync", "checklist", "deps", "finish", "reopen", "radar", "help");

    private final JsonNode manifest = read(Path.of("manifest.json"));

    @Test
    void hasTheKeysSlackRequiresWithinItsLimits() {
        assertEquals(1, manifest.at("/_metadata/major_version").asInt());
        String name = manifest.at("/display_information/name").asText();
        assertTrue(!name.isBlank() && name.length() <= 35, "app name: 1-35 characters");
        assertTrue(manifest.at("/display_information/description").asText().length() <= 140,
                "short description: at most 140 characters");
        int longDescription = manifest.at("/display_information/long_description").asText().length();
        assertTrue(longDescription >= 174 && longDescription <= 4000, "long description: 174-4000 characters");
        String botName = manifest.at("/features/bot_user/display_name").asText();
        assertTrue(!botName.isBlank() && botName.length() <= 80, "bot display name: 1-80 characters");
    }

    @Test
    void upgradeCommandListsEverySubcommandAndPostsToTheEventsEndpoint() {
        JsonNode commands = manifest.at("/features/slash_commands");
        assertEquals(1, commands.size(), "one command, subcommands after it");
        JsonNode upgrade = commands.get(0);
        assertEquals("/upgrade", upgrade.at("/command").asText());
        assertEndpoint(upgrade.at("/url").asText());
        assertTrue(upgrade.at("/description").asText().length() <= 100, "command description is shown in one line");
        String hint = upgrade.at("/usage_hint").asText();
        for (String sub : SUBCOMMANDS) {
            assertTrue(Pattern.compile("(^|[ |])" + sub + "( |$)").matcher(hint).find(), "usage hint lacks " + sub);
        }
        // user and channel ids reach the bot unescaped; escaping would turn <@U123> into @name
        assertFalse(upgrade.at("/should_escape").asBoolean());
    }

    @Test
    void interactivityAndEventsGoToTheSameEndpointAndSocketModeIsOff() {
        assertTrue(manifest.at("/settings/interactivity/is_enabled").asBoolean());
        assertEndpoint(manifest.at("/settings/interactivity/request_url").asText());
        assertEndpoint(manifest.at("/settings/event_subscriptions/request_url").asText());
        Set<String> events = texts(manifest.at("/settings/event_subscriptions/bot_events"));
        assertEquals(Set.of("app_uninstalled", "tokens_revoked", "app_home_opened"), events,
                "the features read no messages; only events that need no scope (lifecycle, the Home tab)");
        assertTrue(manifest.at("/features/app_home/home_tab_enabled").asBoolean(),
                "app_home_opened is subscribed for the Home tab, so the tab is on");
        assertFalse(manifest.at("/settings/socket_mode_enabled").asBoolean(), "README explains how to turn it on");
    }

    @Test
    void botScopesAreExactlyTheOnesDocumentedWithAReason() throws IOException {
        Set<String> requested = texts(manifest.at("/oauth_config/scopes/bot"));
        assertEquals(requested.size(), manifest.at("/oauth_config/scopes/bot").size(), "no scope twice");
        assertTrue(manifest.at("/oauth_config/scopes/user").isMissingNode(), "the bot acts as itself, never as a user");

        String doc = Files.readString(Path.of("docs", "slack-app.md"), StandardCharsets.UTF_8);
        int section = doc.indexOf("\n## Bot scopes");
        assertTrue(section >= 0, "docs/slack-app.md has a '## Bot scopes' section");
        int next = doc.indexOf("\n## ", section + 1);
        String scopeSection = doc.substring(section, next < 0 ? doc.length() : next);
        // rows of the scope table: | `scope` | reason |
        Matcher row = Pattern.compile("(?m)^\\| `([a-z:._]+)` \\| ([^|]*[a-z][^|]*)\\|").matcher(scopeSection);
        Set<String> documented = new TreeSet<>();
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertEquals(documented, requested, "docs/slack-app.md justifies each bot scope, and only those");
        assertTrue(requested.containsAll(Set.of("commands", "chat:write")));
    }

    private static void assertEndpoint(String url) {
        assertTrue(url.startsWith("https://") && url.endsWith(ENDPOINT_PATH),
                "expected https://…/slack/events: " + url);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode read(Path path) {
        try {
            return new ObjectMapper().readTree(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(path + " is not valid JSON", e);
        }
    }
}
