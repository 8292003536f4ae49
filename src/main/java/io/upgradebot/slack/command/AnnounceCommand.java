package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.domain.Slug;
import io.upgradebot.project.Orchestrators;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.slack.AfterAck;
import io.upgradebot.slack.SlackGateway;
import io.upgradebot.slack.view.AnnounceModal;
import io.upgradebot.slack.view.EphemeralReply;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** {@code /upgrade announce <project>}: opens the announcement modal at once (the trigger_id lives 3 seconds). */
@ApplicationScoped
public class AnnounceCommand implements UpgradeSubcommand {

    private final Orchestrators orchestrators;
    private final SlackGateway slack;
    private final SlackDirectory directory;
    private final AfterAck afterAck;

    public AnnounceCommand(Orchestrators orchestrators, SlackGateway slack, SlackDirectory directory, AfterAck afterAck) {
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
        Optional<UpgradeProjectEntity> project = ProjectArgument.find(args, req.getPayload().getChannelId());
        if (project.isEmpty()) {
            return ctx.ack(EphemeralReply.text(ProjectArgument.notFound(args, usage())));
        }
        UpgradeProjectEntity p = project.get();
        slack.openView(req.getPayload().getTriggerId(), AnnounceModal.compose(p.name,
                new AnnounceModal.Meta(p.id, req.getPayload().getChannelId(), null, null), AnnounceModal.Values.blank(),
                p.statusMessageTs != null));
        // the preview needs the author's time zone (users.info); fetched now, it is cached by the time they submit
        afterAck.run(() -> directory.person(user));
        return ctx.ack();
    }

    /** Kept here so the command stays a thin adapter; the project lookup rules are the project feature's. */
    static final class ProjectArgument {
        private ProjectArgument() {
        }

        static Optional<UpgradeProjectEntity> find(String args, String channelId) {
            String named = args == null ? "" : args.strip();
            return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
                if (named.isEmpty()) {
                    var here = UpgradeProjectEntity.<UpgradeProjectEntity>list("channelId = ?1 and state = ?2", channelId,
                            UpgradeProjectEntity.State.ACTIVE);
                    return here.size() == 1 ? Optional.of(here.get(0)) : Optional.<UpgradeProjectEntity>empty();
                }
                return UpgradeProjectEntity.findBySlug(Slug.of(named));
            });
        }

        static String notFound(String args, String usage) {
            return args == null || args.isBlank()
                    ? "Name the project: `" + usage + "` (`/upgrade list` shows them)."
                    : "There is no project `" + Slug.of(args.strip()) + "`. `/upgrade list` shows them.";
        }
    }
}
