package io.upgradebot.slack.api;

import com.google.gson.Gson;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.Message;
import com.slack.api.model.ResponseMetadata;
import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import io.upgradebot.config.SlackSecrets;
import io.upgradebot.config.Sleeper;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.project.ChannelPostSlots;
import io.upgradebot.slack.http.AfterAckExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * {@link SlackGateway} over the SDK's synchronous {@link MethodsClient} (base URL from SLACK_API_URL).
 *
 * <p>After the ack (AfterAck tasks, jobs) a call that meets HTTP 429 waits Retry-After and tries again; 5xx, I/O
 * errors and Slack's own transient errors are retried with exponential backoff; {@code upgrade-bot.slack.max-retries}
 * bounds both. Posts to one channel are spaced by {@code upgrade-bot.slack.channel-post-interval}, across replicas
 * (the slots are kept in the database, {@link ChannelPacer}). On a Slack request
 * thread (before the ack) nothing waits: a 429 or failure throws at once, since a sleeping ack is a failed ack.
 *
 * <p>Dry-run does not apply here: it keeps GitHub untouched, while Slack messages still go out so a dry run can be
 * watched in Slack.
 */
@ApplicationScoped
public class BoltSlackGateway implements SlackGateway {

    private static final Logger LOG = Logger.getLogger(BoltSlackGateway.class);

    /**
     * ok:false errors worth another try (Slack's documented transient ones). Slack documents both spellings of the
     * rate-limit error ({@code ratelimited} and, for chat.postMessage / chat.update, {@code rate_limited}).
     */
    private static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout", "ratelimited", "rate_limited");

    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);
    static final int PAGE_SIZE = 200;

    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final HttpClient UPLOADS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final SlackClients clients;
    private final String botToken;
    private final MethodsClient methods;
    private final MethodsClient interactiveMethods;
    private final ChannelPacer pacer;
    private final int maxRetries;
    private final Sleeper sleeper;

    public BoltSlackGateway(SlackClients clients, SlackSecrets secrets, UpgradeBotConfig config, Sleeper sleeper,
            ChannelPostSlots slots, Clock clock) {
        this.clients = clients;
        this.sleeper = sleeper;
        this.botToken = secrets.botToken().filter(t -> !t.isBlank()).orElse(null);
        this.methods = clients.standard().methods(botToken);
        this.interactiveMethods = clients.interactive().methods(botToken);
        this.pacer = new ChannelPacer(slots, config.slack().channelPostInterval(), clock, ChannelPacer.REAL);
        this.maxRetries = Math.max(0, config.slack().maxRetries());
    }

    @Override
    public String postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
        return postMessage(channel, threadTs, text, blocks, null);
    }

    @Override
    public String postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks,
            String deliveryKey) {
        Message.Metadata metadata = deliveryKey == null
                ? null
                : new Message.Metadata(DELIVERY_EVENT_TYPE, Map.of("key", deliveryKey));
        ChatPostMessageResponse r = call("chat.postMessage", channel, m -> m.chatPostMessage(b -> b
                .channel(channel).threadTs(threadTs).text(text).blocks(blocks).metadata(metadata)));
        return r.getTs();
    }

    @Override
    public String uploadFile(String channel, String threadTs, String fileName, String title, byte[] bytes) {
        FilesGetUploadURLExternalResponse url = call("files.getUploadURLExternal", null,
                m -> m.filesGetUploadURLExternal(b -> b.filename(fileName).length(bytes.length).altTxt(title)));
        sendUpload(url.getUploadUrl(), bytes);
        call("files.completeUploadExternal", channel, m -> m.filesCompleteUploadExternal(b -> b.channelId(channel)
                .threadTs(threadTs).files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder()
                        .id(url.getFileId()).title(title).build()))));
        return url.getFileId();
    }

    /** The bytes to the URL files.getUploadURLExternal answered (not a Web API method: no token, no ok field). */
    private void sendUpload(String uploadUrl, byte[] bytes) {
        for (int attempt = 0;; attempt++) {
            String failure;
            try {
                HttpResponse<String> r = UPLOADS.send(HttpRequest.newBuilder(URI.create(uploadUrl))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    return;
                }
                failure = "http_" + r.statusCode();
                if (r.statusCode() < 500 && r.statusCode() != 429) {
                    throw new SlackException("upload_failed", "file upload refused with HTTP " + r.statusCode(), null);
                }
            } catch (IOException e) {
                failure = "io_error";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlackException("interrupted", "file upload interrupted", e);
            }
            if (attempt >= maxRetries) {
                throw new SlackException("upload_failed", "file upload failed: " + failure, null);
            }
            sleep(backoff(attempt));
        }
    }

    @Override
    public Optional<String> findDelivery(String channel, String threadTs, String deliveryKey, Instant since) {
        String oldest = since.getEpochSecond() + "." + String.format("%06d", since.getNano() / 1000);
        String cursor = null;
        do {
            String page = cursor;
            List<Message> messages;
            ResponseMetadata next;
            if (threadTs == null) {
                ConversationsHistoryResponse r = call("conversations.history", null, m -> m.conversationsHistory(b -> b
                        .channel(channel).oldest(oldest).inclusive(true).includeAllMetadata(true)
                        .limit(PAGE_SIZE).cursor(page)));
                messages = r.getMessages();
                next = r.getResponseMetadata();
            } else {
                ConversationsRepliesResponse r = call("conversations.replies", null, m -> m.conversationsReplies(b -> b
                        .channel(channel).ts(threadTs).oldest(oldest).inclusive(true).includeAllMetadata(true)
                        .limit(PAGE_SIZE).cursor(page)));
                messages = r.getMessages();
                next = r.getResponseMetadata();
            }
            if (messages != null) {
                for (Message message : messages) {
                    Message.Metadata md = message.getMetadata();
                    if (md != null && DELIVERY_EVENT_TYPE.equals(md.getEventType()) && md.getEventPayload() != null
                            && deliveryKey.equals(md.getEventPayload().get("key"))) {
                        return Optional.ofNullable(message.getTs());
                    }
                }
            }
            cursor = next == null ? null : next.getNextCursor();
        } while (cursor != null && !cursor.isBlank());
        return Optional.empty();
    }

    @Override
    public void updateMessage(String channel, String ts, String text, List<LayoutBlock> blocks) {
        call("chat.update", null, m -> m.chatUpdate(b -> b.channel(channel).ts(ts).text(text).blocks(blocks)));
    }

    @Override
    public void postEphemeral(String channel, String user, String text, List<LayoutBlock> blocks) {
        call("chat.postEphemeral", channel, m -> m.chatPostEphemeral(b -> b
                .channel(channel).user(user).text(text).blocks(blocks)));
    }

    @Override
    public String openView(String triggerId, View view) {
        ViewsOpenResponse r = call("views.open", null, interactiveMethods,
                m -> m.viewsOpen(b -> b.triggerId(triggerId).view(view)));
        return r.getView().getId();
    }

    @Override
    public void updateView(String viewId, View view) {
        call("views.update", null, m -> m.viewsUpdate(b -> b.viewId(viewId).view(view)));
    }

    @Override
    public void publishHome(String userId, View view) {
        call("views.publish", null, m -> m.viewsPublish(b -> b.userId(userId).view(view)));
    }

    @Override
    public void respond(String responseUrl, String text, List<LayoutBlock> blocks, boolean inChannel) {
        if (responseUrl == null || responseUrl.isBlank()) {
            // Slack gives a response_url to a click in a message only; a click that claims to come from anywhere
            // else has no answer to get, and that is input to drop, not a failure of the bot
            LOG.infof("No response_url to answer on (a click outside a message?): the answer is dropped");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        if (blocks != null && !blocks.isEmpty()) {
            body.put("blocks", blocks);
        }
        body.put("response_type", inChannel ? "in_channel" : "ephemeral");
        body.put("replace_original", false);
        String json = GSON.toJson(body);
        boolean requestThread = AfterAckExecutor.onSlackRequestThread();
        for (int attempt = 0;; attempt++) {
            String failure;
            try {
                WebhookResponse r = clients.standard().send(responseUrl, json);
                int code = r.getCode() == null ? 0 : r.getCode();
                if (code >= 200 && code < 300) {
                    return;
                }
                failure = "http_" + code;
                if (code < 500 && code != 429) {
                    throw new SlackException(
                            r.getBody() == null || r.getBody().isBlank() ? failure : r.getBody().strip(),
                            "response_url answered " + code, null);
                }
            } catch (IOException e) {
                failure = "io_error";
            }
            if (requestThread || attempt >= maxRetries) {
                throw new SlackException(failure, "response_url failed after " + (attempt + 1) + " attempts", null);
            }
            sleep(backoff(attempt));
        }
    }

    @Override
    public Optional<SlackUser> user(String userId) {
        try {
            UsersInfoResponse r = call("users.info", null, m -> m.usersInfo(b -> b.user(userId)));
            return Optional.ofNullable(r.getUser()).map(BoltSlackGateway::toSlackUser);
        } catch (SlackException e) {
            if ("user_not_found".equals(e.error())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<String> userIdByEmail(String email) {
        try {
            UsersLookupByEmailResponse r = call("users.lookupByEmail", null,
                    m -> m.usersLookupByEmail(b -> b.email(email)));
            return Optional.ofNullable(r.getUser()).map(User::getId);
        } catch (SlackException e) {
            if ("users_not_found".equals(e.error())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<String> userGroupMembers(String userGroupId) {
        UsergroupsUsersListResponse r = call("usergroups.users.list", null,
                m -> m.usergroupsUsersList(b -> b.usergroup(userGroupId)));
        return r.getUsers() == null ? List.of() : List.copyOf(r.getUsers());
    }

    @Override
    public List<String> channelMembers(String channelId) {
        List<String> members = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            ConversationsMembersResponse r = call("conversations.members", null,
                    m -> m.conversationsMembers(b -> b.channel(channelId).limit(PAGE_SIZE).cursor(page)));
            if (r.getMembers() != null) {
                members.addAll(r.getMembers());
            }
            cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isBlank());
        return members;
    }

    @Override
    public String openDm(String userId) {
        ConversationsOpenResponse r = call("conversations.open", null,
                m -> m.conversationsOpen(b -> b.users(List.of(userId))));
        return r.getChannel().getId();
    }

    private static SlackUser toSlackUser(User u) {
        User.Profile p = u.getProfile();
        return new SlackUser(u.getId(), u.getName(),
                p != null && p.getRealName() != null ? p.getRealName() : u.getRealName(),
                p == null ? null : p.getEmail(), u.getTz(), u.isBot());
    }

    @FunctionalInterface
    interface ApiCall<T> {
        T call(MethodsClient methods) throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(String method, String pacedChannel, ApiCall<T> call) {
        return call(method, pacedChannel, methods, call);
    }

    /**
     * One Web API call with Slack's failure rules applied. {@code pacedChannel} is the channel a post goes to (paced),
     * or null for calls that are not posts.
     */
    private <T extends SlackApiTextResponse> T call(String method, String pacedChannel, MethodsClient client,
            ApiCall<T> call) {
        if (botToken == null) {
            throw new SlackException("not_authed", method + ": SLACK_BOT_TOKEN is not set", null);
        }
        boolean requestThread = AfterAckExecutor.onSlackRequestThread();
        if (requestThread && !"views.open".equals(method)) {
            LOG.warnf("%s called before the Slack ack; schedule it with AfterAck so the ack is not delayed", method);
        }
        for (int attempt = 0;; attempt++) {
            if (pacedChannel != null && !requestThread) {
                try {
                    pacer.awaitTurn(pacedChannel);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SlackException("interrupted", method + " interrupted", e);
                }
            }
            Duration wait;
            String failure;
            try {
                T r = call.call(client);
                if (r.isOk()) {
                    return r;
                }
                failure = r.getError();
                if (!TRANSIENT.contains(failure)) {
                    throw new SlackException(failure, method + " failed: " + failure, null);
                }
                wait = backoff(attempt);
            } catch (SlackApiException e) {
                int code = e.getResponse() == null ? 0 : e.getResponse().code();
                failure = e.getError() != null && e.getError().getError() != null
                        ? e.getError().getError()
                        : "http_" + code;
                if (code == 429) {
                    wait = retryAfter(e);
                    if (pacedChannel != null) {
                        pacer.pushBack(pacedChannel, wait);
                    }
                    failure = "ratelimited";
                } else if (code >= 500) {
                    wait = backoff(attempt);
                } else {
                    throw new SlackException(failure, method + " failed with HTTP " + code, e);
                }
            } catch (IOException e) {
                failure = "io_error";
                wait = backoff(attempt);
                if (requestThread || attempt >= maxRetries) {
                    throw new SlackException(failure, method + " failed: " + e.getMessage(), e);
                }
            }
            if (requestThread || attempt >= maxRetries) {
                throw new SlackException(failure, method + " failed after " + (attempt + 1) + " attempts: " + failure,
                        null);
            }
            LOG.debugf("%s: %s, retrying in %d ms", method, failure, wait.toMillis());
            sleep(wait);
        }
    }

    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            long seconds = header == null ? 1 : Long.parseLong(header.trim());
            Duration d = Duration.ofSeconds(Math.max(1, seconds));
            return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
        } catch (NumberFormatException ex) {
            return Duration.ofSeconds(1);
        }
    }

    static Duration backoff(int attempt) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(attempt, 16);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackException("interrupted", "interrupted while waiting to retry", e);
        }
    }
}
