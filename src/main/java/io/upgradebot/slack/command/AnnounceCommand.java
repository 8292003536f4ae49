package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.Orchestrators;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.slack.AfterAck;
import io.upgradebot.slack.SlackGateway;
import io.upgradebot.slack.view.AnnounceModal;
import io.upgradebot.slack.view.EphemeralReply;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code /upgrade announce <project>}: opens the announcement modal at once (the trigger_id lives 3 seconds). */
@ApplicationScoped
public class AnnounceCommand implements UpgradeSubcommand {

    private final Orchestrators orchestrators;
    private final SlackGateway slack;
    private final SlackDirectory directory;
    private final AfterAck afterAck;
    private final FindProject projects;

    public AnnounceCommand(Orchestrators orchestrators, SlackGateway slack, SlackDirectory directory, AfterAck afterAck,
            FindProject projects) {
        this.projects = projects;
        this.orchestrators = orchestrators;
        this.slack = slack;
        this.directory = directory;
        this.afterAck = afterAck;
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
        if (!orchestrators.isOrchestrator(user)) {
            return ctx.ack(EphemeralReply.text(":no_entry: Only orchestrators can announce: " + orchestrators.whoCan() + "."));
        }
        FindProject.Found found = projects.find(args, req.getPayload().getChannelId());
        if (!found.found()) {
            return ctx.ack(EphemeralReply.text(found.message()));
        }
        UpgradeProjectEntity p = QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity.findById(found.projectId()));
        slack.openView(req.getPayload().getTriggerId(), AnnounceModal.compose(p.name,
                new AnnounceModal.Meta(p.id, req.getPayload().getChannelId(), null, null), AnnounceModal.Values.blank(),
                p.statusMessageTs != null));
        // the preview needs the author's time zone (users.info); fetched now, it is cached by the time they submit
        afterAck.run(() -> directory.person(user));
        return ctx.ack();
    }
}
