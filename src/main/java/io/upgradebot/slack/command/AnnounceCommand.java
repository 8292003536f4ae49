package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.slack.AfterAck;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.OrchestratorCheckBeforeAck;
import io.upgradebot.slack.SlackGateway;
import io.upgradebot.slack.view.AnnounceModal;
import io.upgradebot.slack.view.EphemeralReply;
import io.upgradebot.slack.view.LoadingModal;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code /upgrade announce <project>}: opens a modal at once (the trigger_id lives 3 seconds) and fills it after the
 * ack, once the project is looked up (no database work holds the ack).
 */
@ApplicationScoped
public class AnnounceCommand implements UpgradeSubcommand {

    static final String TITLE = "Announce";
    private static final Logger LOG = Logger.getLogger(AnnounceCommand.class);

    private final OrchestratorCheckBeforeAck orchestrators;
    private final SlackGateway slack;
    private final SlackDirectory directory;
    private final AfterAck afterAck;
    private final FindProject projects;

    public AnnounceCommand(OrchestratorCheckBeforeAck orchestrators, SlackGateway slack, SlackDirectory directory,
            AfterAck afterAck, FindProject projects) {
        this.orchestrators = orchestrators;
        this.slack = slack;
        this.directory = directory;
        this.afterAck = afterAck;
        this.projects = projects;
    }

    @Override
    public String name() {
        return "announce";
    }

    @Override
    public String usage() {
        return "/upgrade announce <project>";
    }

    @Override
    public String summary() {
        return "Post or schedule an announcement in a project's channel or status thread (orchestrators).";
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String user = req.getPayload().getUserId();
        String channel = req.getPayload().getChannelId();
        Optional<Boolean> orchestrator = orchestrators.quickly(user);
        if (orchestrator.isPresent() && !orchestrator.get()) {
            return ctx.ack(EphemeralReply.text(refusal()));
        }
        String viewId;
        try {
            viewId = slack.openView(req.getPayload().getTriggerId(), LoadingModal.of(CallbackIds.ANNOUNCE_COMPOSE, TITLE));
        } catch (SlackGateway.SlackException e) {
            LOG.warnf("announcement modal not opened: %s", e.error());
            return ctx.ack(EphemeralReply.text(":warning: Slack did not open the form (" + e.error() + "). Try again."));
        }
        afterAck.run(() -> {
            if (orchestrator.isEmpty() && !orchestrators.isOrchestrator(user)) {
                slack.updateView(viewId, AnnounceModal.notice(TITLE, refusal()));
                return;
            }
            FindProject.Found found = projects.find(args, channel);
            if (!found.found()) {
                slack.updateView(viewId, AnnounceModal.notice(TITLE, found.message()));
                return;
            }
            UpgradeProjectEntity p = QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity.findById(found.projectId()));
            slack.updateView(viewId, AnnounceModal.compose(p.name, new AnnounceModal.Meta(p.id, channel, null, null),
                    AnnounceModal.Values.blank(), p.statusMessageTs != null));
            // the preview needs the author's time zone (users.info); fetched now, it is cached when they submit
            directory.person(user);
        });
        return ctx.ack();
    }

    private String refusal() {
        return ":no_entry: Only orchestrators can announce: " + orchestrators.whoCan() + ".";
    }
}
