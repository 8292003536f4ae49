package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.slack.CallbackIds;

/**
 * Handles the view_submission of one modal (one class per modal). Runs before the ack: validate and return
 * {@code ctx.ackWithErrors(...)} for field errors, {@code ctx.ackWithUpdate(...)} / {@code ctx.ack()} otherwise;
 * slow work through {@link io.upgradebot.slack.http.AfterAck#run}.
 */
public interface ViewSubmissionHandler {

    CallbackIds callbackId();

    Response handle(ViewSubmissionRequest req, ViewSubmissionContext ctx) throws Exception;
}
