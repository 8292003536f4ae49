package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.upgradebot.project.FindProject;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.view.EphemeralReply;
import io.upgradebot.slack.view.LoadingModal;
import io.upgradebot.slack.view.ProjectNotFound;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A command whose answer is a modal opens it first, before the ack, with a loading view (a trigger id lives 3 s);
 * the real view is filled in after the ack with {@code views.update} on the id this answers.
 */
record LoadingModalFirst(String viewId, String error) {

    private static final Logger LOG = Logger.getLogger(LoadingModalFirst.class);

    static LoadingModalFirst open(SlackGateway slack, String triggerId, CallbackIds callbackId, String title,
            String what) {
        try {
            return new LoadingModalFirst(slack.openView(triggerId, LoadingModal.of(callbackId, title)), null);
        } catch (SlackGateway.SlackException e) {
            LOG.warnf("%s modal not opened: %s", what, e.error());
            return new LoadingModalFirst(null, e.error());
        }
    }

    boolean opened() {
        return viewId != null;
    }

    /**
     * After the ack: the orchestrator check that was not settled before it ({@code allowed}), then the project the
     * command names ({@code find}, asked only when allowed). The first that fails is shown in the modal through
     * {@code notice} and the answer is empty; otherwise the project's id.
     */
    Optional<Long> project(SlackGateway slack, boolean allowed, String refusal, Supplier<FindProject.Found> find,
            Function<String, View> notice) {
        if (!allowed) {
            slack.updateView(viewId, notice.apply(refusal));
            return Optional.empty();
        }
        FindProject.Found found = find.get();
        if (!found.found()) {
            slack.updateView(viewId, notice.apply(ProjectNotFound.mrkdwn(found)));
            return Optional.empty();
        }
        return Optional.of(found.projectId());
    }

    /** The ephemeral ack when Slack did not open it. */
    Response notOpened(SlashCommandContext ctx, String what) {
        return ctx
                .ack(EphemeralReply.text(":warning: Slack did not open the " + what + " (" + error + "). Try again."));
    }
}
