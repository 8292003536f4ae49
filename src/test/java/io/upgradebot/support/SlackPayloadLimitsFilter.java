package io.upgradebot.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;

/**
 * Checks every request reaching the Slack fake against {@link BlockKitLimits} before any stub answers. A payload
 * over a limit is answered the way Slack answers it ({@code ok:false, invalid_blocks} / {@code invalid_arguments};
 * HTTP 400 on a response_url), and recorded so the running test fails ({@link BlockKitLimitsExtension}).
 */
public class SlackPayloadLimitsFilter implements StubRequestFilterV2 {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        String path = request.getUrl();
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        List<String> violations;
        boolean webApi = path.startsWith("/api/");
        if (webApi) {
            String method = path.substring("/api/".length());
            violations = BlockKitLimits.checkWebApiCall(method, request.getHeader("Content-Type"),
                    request.getBodyAsString());
        } else if (path.startsWith("/commands/") || path.startsWith("/actions/")) {
            violations = BlockKitLimits.checkResponseUrlBody(request.getBodyAsString());
        } else {
            return RequestFilterAction.continueWith(request);
        }
        if (violations.isEmpty()) {
            return RequestFilterAction.continueWith(request);
        }
        BlockKitLimits.record(request.getMethod() + " " + path, violations);
        if (webApi) {
            String error = path.startsWith("/api/views.") ? "invalid_arguments" : "invalid_blocks";
            ObjectNode body = JSON.createObjectNode().put("ok", false).put("error", error);
            var messages = body.putObject("response_metadata").putArray("messages");
            violations.forEach(v -> messages.add("[ERROR] " + v));
            return RequestFilterAction.stopWith(new ResponseDefinitionBuilder().withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body.toString()).build());
        }
        return RequestFilterAction.stopWith(new ResponseDefinitionBuilder().withStatus(400)
                .withBody("invalid_blocks").build());
    }

    @Override
    public String getName() {
        return "slack-block-kit-limits";
    }
}
