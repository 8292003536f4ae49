package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.creation.DateSuggestion;
import io.upgradebot.project.creation.NewProjectRequest;
import io.upgradebot.project.creation.SuggestCompletionDate;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.NewProjectModal;
import io.upgradebot.slack.view.OrchestratorRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code /upgrade new [name | dependency current -> target]}: opens the new-project form at once (the trigger_id
 * dies after 3 s), with what the text gave filled in. When the text names the version in use, the date suggestion
 * (an endoflife.date call) fills the open form afterwards.
 */
@ApplicationScoped
public class NewCommand implements UpgradeSubcommand {

    private static final Logger LOG = Logger.getLogger(NewCommand.class);
    /** "django 4.2 -> 5.2", "Django 4.2 → 5.2", "django from 4.2 to 5.2" */
    private static final Pattern FROM_TO = Pattern.compile(
            "^(.+?)\\s+(?:from\\s+)?v?(\\d[\\w.\\-]*)\\s*(?:->|→|to)\\s*v?(\\d[\\w.\\-]*)$", Pattern.CASE_INSENSITIVE);
    /** "Django 5.2" */
    private static final Pattern TARGET = Pattern.compile("^([A-Za-z][\\w.\\-]*)\\s+v?(\\d[\\w.\\-]*)$");

    private final OrchestratorGate orchestrators;
    private final SlackGateway slack;
    private final AfterAck afterAck;
    private final SuggestCompletionDate dates;
    private final UpgradeBotConfig config;

    public NewCommand(OrchestratorGate orchestrators, SlackGateway slack, AfterAck afterAck,
            SuggestCompletionDate dates,
            UpgradeBotConfig config) {
        this.orchestrators = orchestrators;
        this.slack = slack;
        this.afterAck = afterAck;
        this.dates = dates;
        this.config = config;
    }

    @Override
    public String name() {
        return "new";
    }

    @Override
    public String usage() {
        return "/upgrade new [Django 4.2 -> 5.2]";
    }

    @Override
    public String summary() {
        return "Create an upgrade project: roadmap issue, one issue per impacted repository, board, completion date";
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var payload = req.getPayload();
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(payload.getUserId());
        if (orchestrator == OrchestratorGate.Answer.REFUSED) {
            return ctx.ack(refusal());
        }
        NewProjectRequest initial = prefill(args, config.roadmapRepo().orElse(null), payload.getChannelId());
        NewProjectModal.Metadata md = new NewProjectModal.Metadata(payload.getChannelId(), 0, null);
        String viewId;
        try {
            viewId = slack.openView(payload.getTriggerId(), NewProjectModal.form(initial, md, null));
        } catch (SlackGateway.SlackException e) {
            LOG.warnf("new-project form not opened: %s", e.error());
            return ctx.ack(":warning: Slack did not open the form (" + e.error() + "). Try `/upgrade new` again.");
        }
        if (orchestrator == OrchestratorGate.Answer.UNKNOWN_YET) {
            // membership was not known in time: the form is open, and closes on a refusal if the answer is no
            afterAck.run(() -> {
                if (!orchestrators.allows(payload.getUserId())) {
                    slack.updateView(viewId, NewProjectModal.notice(refusal()));
                }
            });
        }
        if (initial.product() != null && initial.currentVersion() != null && viewId != null) {
            afterAck.run(() -> {
                DateSuggestion s = dates.suggest(initial.product(), initial.currentVersion(), null);
                int rev = s.date() != null || s.release() != null ? 1 : 0;
                slack.updateView(viewId, NewProjectModal.form(initial,
                        new NewProjectModal.Metadata(payload.getChannelId(), rev, s), null));
            });
        }
        return ctx.ack();
    }

    private String refusal() {
        return OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.NEW));
    }

    /** What the command's text gives: a name, and maybe the dependency with its current and target versions. */
    static NewProjectRequest prefill(String args, String roadmapRepo, String channelId) {
        String text = args == null ? "" : args.strip();
        String name = text.isEmpty() ? null : text;
        String product = null;
        String current = null;
        String target = null;
        Matcher m = FROM_TO.matcher(text);
        if (m.matches()) {
            String dep = m.group(1).strip();
            product = dep.contains(" ") ? null : dep.toLowerCase(Locale.ROOT);
            current = m.group(2);
            target = m.group(3);
            name = Character.toUpperCase(dep.charAt(0)) + dep.substring(1) + " " + target;
        } else if ((m = TARGET.matcher(text)).matches()) {
            product = m.group(1).toLowerCase(Locale.ROOT);
            target = m.group(2);
        }
        return NewProjectModal.initial(name, product, current, target, roadmapRepo, channelId);
    }
}
