package io.upgradebot.slack.http;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bolt's {@link SlackRequestParser}, with a shorter way to the same result for plain slash-command bodies.
 *
 * <p>For a form-encoded slash command, Bolt's parser reads the whole body three times (looking for a
 * {@code payload} field, then for a {@code command} field, then parsing the command), URL-decoding every field and
 * compiling a regular expression per field each time: the largest single cost of an ack in the ack-latency
 * benchmark (docs/benchmarks.md). When the body's field names are plain words, with a {@code command} field and no
 * {@code payload} field, this builds what Bolt's parser would build for it — Bolt's own {@link SlashCommandRequest}
 * with the payload Bolt's SlashCommandPayloadParser would give), not socket mode, context updated from the App's
 * config, query string and client address set the same way — reading the body once. Everything else (interactivity
 * payloads, Events API JSON, SSL checks, any body with an encoded or unusual field name) goes to Bolt's parser
 * unchanged. {@code SlackHttpRequestParserTest} checks the two against each other.
 */
final class SlackHttpRequestParser extends SlackRequestParser {

    private final AppConfig appConfig;

    SlackHttpRequestParser(AppConfig appConfig) {
        super(appConfig);
        this.appConfig = appConfig;
    }

    @Override
    public Request<?> parse(HttpRequest http) {
        return parse(http,
                !http.isSocketMode() && http.getRequestBody() != null && plainSlashCommand(http.getRequestBody()));
    }

    /**
     * {@code plainCommand}: the caller has already found {@link #plainSlashCommand} true for this HTTP body (or false:
     * Bolt's parser decides), so the body is not scanned twice.
     */
    Request<?> parse(HttpRequest http, boolean plainCommand) {
        if (!plainCommand) {
            return super.parse(http);
        }
        SlashCommandRequest request = new SlashCommandRequest(http.getRequestBody(),
                slashCommandPayload(http.getRequestBody()), http.getHeaders());
        request.setSocketMode(false);
        request.updateContext(appConfig);
        Map<String, List<String>> query = http.getQueryString();
        if (query != null) {
            query.forEach((name, values) -> {
                List<String> all = request.getQueryString().get(name);
                if (all == null) {
                    all = new ArrayList<>();
                }
                all.addAll(values);
                request.getQueryString().put(name, all);
            });
        }
        String forwardedFor = http.getHeaders() == null ? null : http.getHeaders().getFirstValue("X-FORWARDED-FOR");
        request.setClientIpAddress(forwardedFor != null ? forwardedFor : http.getRemoteAddress());
        return request;
    }

    /**
     * True for {@code name=value&name=value…} where every name is made of letters, digits and underscores, one field
     * is {@code command=<value>} and none is named {@code payload}: bodies Bolt's parser takes for a slash command.
     * Anything it is not sure of answers false, and Bolt's parser decides.
     */
    static boolean plainSlashCommand(String body) {
        boolean command = false;
        int start = 0;
        int length = body.length();
        while (start <= length) {
            int end = body.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            int equals = indexOf(body, '=', start, end);
            int nameEnd = equals >= 0 ? equals : end;
            if (nameEnd == start) {
                return false; // an empty name (or an empty body): let Bolt decide
            }
            for (int i = start; i < nameEnd; i++) {
                char c = body.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                    return false;
                }
            }
            if (body.startsWith("payload", start) && nameEnd - start == 7) {
                return false;
            }
            if (body.startsWith("command", start) && nameEnd - start == 7) {
                // Bolt counts the field only as name=value with a value and no second '='
                if (equals < 0 || equals + 1 == end || indexOf(body, '=', equals + 1, end) >= 0) {
                    return false;
                }
                command = true;
            }
            start = end + 1;
        }
        return command;
    }

    /**
     * What Bolt's SlashCommandPayloadParser makes of a body {@link #plainSlashCommand} accepted, in one pass: a field
     * counts only as {@code name=value} with a non-empty value and no second {@code '='}, the last of a name wins, and
     * a value is URL-decoded (only when it has something to decode: Bolt's parser decodes every name and value with
     * a regular expression compiled per field, the largest part of parsing an ack). A malformed escape throws
     * {@link IllegalArgumentException}, as Bolt's does.
     */
    static SlashCommandPayload slashCommandPayload(String body) {
        SlashCommandPayload payload = new SlashCommandPayload();
        int start = 0;
        int length = body.length();
        while (start < length) {
            int end = body.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            int equals = indexOf(body, '=', start, end);
            if (equals > start && equals + 1 < end && indexOf(body, '=', equals + 1, end) < 0) {
                set(payload, body.substring(start, equals), decoded(body.substring(equals + 1, end)));
            }
            start = end + 1;
        }
        return payload;
    }

    private static String decoded(String value) {
        return value.indexOf('%') < 0 && value.indexOf('+') < 0
                ? value
                : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static void set(SlashCommandPayload payload, String name, String value) {
        switch (name) {
            case "token" -> payload.setToken(value);
            case "team_id" -> payload.setTeamId(value);
            case "team_domain" -> payload.setTeamDomain(value);
            case "enterprise_id" -> payload.setEnterpriseId(value);
            case "enterprise_name" -> payload.setEnterpriseName(value);
            case "api_app_id" -> payload.setApiAppId(value);
            case "channel_id" -> payload.setChannelId(value);
            case "channel_name" -> payload.setChannelName(value);
            case "user_id" -> payload.setUserId(value);
            case "user_name" -> payload.setUserName(value);
            case "command" -> payload.setCommand(value);
            case "text" -> payload.setText(value);
            case "response_url" -> payload.setResponseUrl(value);
            case "trigger_id" -> payload.setTriggerId(value);
            case "is_enterprise_install" -> payload.setEnterpriseInstall(
                    "true".equals(value.trim().toLowerCase(Locale.ENGLISH)));
            default -> {
                // Bolt's parser ignores other fields too
            }
        }
    }

    /** {@code s.indexOf(c, from)} limited to {@code [from, to)}: the scan stays linear in the body's length. */
    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
