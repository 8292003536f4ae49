package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.project.announce.RunbookMoments;
import io.upgradebot.project.announce.ScheduledMessages;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.EphemeralReply;
import io.upgradebot.slack.view.ProjectNotFound;
import io.upgradebot.slack.view.ScheduleList;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.UUID;

/**
 * {@code /upgrade schedule <project>}: lists what is scheduled, with Send now / Edit / Cancel. Acks at once and
 * answers through the response_url, since it reads the person's time zone from Slack first.
 */
@ApplicationScoped
public class ScheduleCommand implements UpgradeSubcommand {

    private final ScheduledMessages messages;
    private final RunbookMoments moments;
    private final SlackDirectory directory;
    private final SlackGateway slack;
    private final AfterAck afterAck;
    private final FindProject projects;
    private final ProjectSummaries summaries;

    public ScheduleCommand(ScheduledMessages messages, RunbookMoments moments, SlackDirectory directory,
            SlackGateway slack, AfterAck afterAck, FindProject projects, ProjectSummaries summaries) {
        this.projects = projects;
        this.summaries = summaries;
        this.messages = messages;
        this.moments = moments;
        this.directory = directory;
        this.slack = slack;
        this.afterAck = afterAck;
    }

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public String usage() {
        return "/upgrade schedule <project>";
    }

    @Override
    public String summary() {
        return "What is scheduled for a project (announcements, reminders, digest), with Send now, Edit and Cancel.";
    }

    @Override
    public boolean acksWithoutIo() {
        return true; // everything, the reading included, happens after the ack
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String channel = req.getPayload().getChannelId();
        String user = req.getPayload().getUserId();
        String responseUrl = req.getPayload().getResponseUrl();
        // database and Slack (users.info) work: all after the ack, answered through the response_url
        afterAck.run(() -> {
            FindProject.Found found = projects.find(args, channel);
            if (!found.found()) {
                String notFound = ProjectNotFound.mrkdwn(found);
                slack.respond(responseUrl, notFound, EphemeralReply.sections(notFound), false);
                return;
            }
            long projectId = found.projectId();
            ProjectSummaries.ProjectSummary p = summaries.byId(projectId).orElse(null);
            if (p == null) {
                slack.respond(responseUrl, "That project no longer exists.",
                        EphemeralReply.sections("That project no longer exists."), false);
                return;
            }
            moments.sync(projectId); // a project created a minute ago shows its moments already
            ZoneId zone = directory.person(user).map(SlackDirectory.Person::timeZone)
                    .filter(z -> z != null && !z.isBlank())
                    .map(ZoneId::of).orElse(ZoneId.of("UTC"));
            var blocks = ScheduleList.render(p.name(), p.slug(), messages.list(projectId, 5), zone,
                    UUID.randomUUID().toString().substring(0, 8));
            slack.respond(responseUrl, "Scheduled for " + p.name(), blocks, false);
        });
        return ctx.ack();
    }
}
