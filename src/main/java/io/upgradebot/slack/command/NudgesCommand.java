package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.config.NudgeConfig;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.project.nudge.StaleIssueNudges;
import io.upgradebot.slack.view.OrchestratorRefusal;
import io.upgradebot.slack.view.ProjectNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code /upgrade nudges <project> [<days>|off|on]}: how a project's stale issues are chased, and the per-project
 * number of days without human activity after which an issue counts as stale.
 */
@ApplicationScoped
public class NudgesCommand implements UpgradeSubcommand {

    private final OrchestratorGate orchestrators;
    private final NudgeConfig config;
    private final FindProject projects;
    private final ReplyAfterAck reply;
    private final ProjectSummaries summaries;
    private final StaleIssueNudges nudges;

    public NudgesCommand(OrchestratorGate orchestrators, NudgeConfig config, FindProject projects, ReplyAfterAck reply,
            ProjectSummaries summaries, StaleIssueNudges nudges) {
        this.projects = projects;
        this.summaries = summaries;
        this.nudges = nudges;
        this.reply = reply;
        this.orchestrators = orchestrators;
        this.config = config;
    }

    @Override
    public String name() {
        return "nudges";
    }

    @Override
    public String usage() {
        return "/upgrade nudges <project> [<days>|off|on]";
    }

    @Override
    public String summary() {
        return "Show or set after how many days without activity a project's issues count as stale (orchestrators set).";
    }

    @Override
    public boolean acksWithoutIo() {
        return true; // the setting is changed after the ack
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String text = args == null ? "" : args.strip();
        String[] words = text.isEmpty() ? new String[0] : text.split("\\s+");
        String last = words.length > 1 ? words[words.length - 1].toLowerCase(Locale.ROOT) : null;
        boolean setting = last != null && (last.matches("\\d{1,4}") || last.equals("off") || last.equals("on"));
        String named = setting ? text.substring(0, text.length() - words[words.length - 1].length()).strip() : text;
        String user = req.getPayload().getUserId();
        String channel = req.getPayload().getChannelId();
        // the project lookup and the change are database work: answered through the response_url after the ack
        return reply.defer(req, ctx, () -> {
            FindProject.Found found = setting ? projects.findToChange(named, channel) : projects.find(named, channel);
            if (!found.found()) {
                return ReplyAfterAck.Reply.text(ProjectNotFound.mrkdwn(found));
            }
            if (setting) {
                if (!orchestrators.allows(user)) {
                    return ReplyAfterAck.Reply.text(OrchestratorRefusal.mrkdwn(
                            orchestrators.refusal(OrchestratorGate.Action.CHANGE_NUDGES)));
                }
                StaleIssueNudges.ThresholdChange change = last.equals("off")
                        ? nudges.turnNudgesOff(found.projectId())
                        : last.equals("on")
                                ? nudges.useDefaultStaleAfterDays(found.projectId())
                                : nudges.setStaleAfterDays(found.projectId(), Integer.parseInt(last));
                if (change == StaleIssueNudges.ThresholdChange.OUT_OF_RANGE) {
                    return ReplyAfterAck.Reply.text("Give a number of days between 1 and "
                            + StaleIssueNudges.MAX_STALE_AFTER_DAYS + ", `off` or `on`.");
                }
            }
            return summaries.byId(found.projectId()).map(p -> ReplyAfterAck.Reply.text(describe(p, setting)))
                    .orElse(ReplyAfterAck.Reply.text("That project no longer exists."));
        });
    }

    String describe(ProjectSummaries.ProjectSummary p, boolean changed) {
        String prefix = changed ? ":white_check_mark: " : "";
        if (p.staleAfterDays() != null && p.staleAfterDays() == 0) {
            return prefix + "Stale-issue nudges are *off* for *" + p.name() + "*. `/upgrade nudges " + p.slug()
                    + " on` turns them back on.";
        }
        int days = p.staleAfterDays() != null ? p.staleAfterDays() : config.staleAfterDays();
        String when = config.workDays().stream()
                .map(d -> d.name().substring(0, 1) + d.name().substring(1, 3).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return prefix + "*" + p.name() + "*: an open repository issue with no human activity for *" + days + " days*"
                + (p.staleAfterDays() == null ? " (the default)" : "")
                + " is stale. Whoever does its next step is nudged "
                + (config.delivery() == NudgeConfig.Delivery.DM
                        ? "by direct message"
                        : "in the status message's thread")
                + ", at most once a day, not about the same issue again within " + config.coolDown().toDays()
                + " days, only on "
                + when + " between " + config.workStart() + " and " + config.workEnd() + " in their time zone.\n"
                + "Change it: `/upgrade nudges " + p.slug() + " <days>`, or `off`.";
    }
}
