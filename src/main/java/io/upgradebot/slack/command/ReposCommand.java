package io.upgradebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.domain.RepoListParse;
import io.upgradebot.domain.RepoListParser;
import io.upgradebot.domain.RepoRef;
import io.upgradebot.project.FindProject;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.creation.ChangeProjectScope;
import io.upgradebot.project.creation.ResolveRepositories;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.OrchestratorRefusal;
import io.upgradebot.slack.view.ProjectNotFound;
import io.upgradebot.slack.view.ScopeChangeView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@code /upgrade repos <project> add|remove <repos…> [-- why]}: scope changes (orchestrators only). The syntax is
 * checked before the ack; GitHub is asked after it and the answer comes through the response_url.
 */
@ApplicationScoped
public class ReposCommand implements UpgradeSubcommand {

    private static final Logger LOG = Logger.getLogger(ReposCommand.class);

    private final OrchestratorGate orchestrators;
    private final FindProject findProject;
    private final ChangeProjectScope scope;
    private final AfterAck afterAck;
    private final SlackGateway slack;

    public ReposCommand(OrchestratorGate orchestrators, FindProject findProject, ChangeProjectScope scope,
            AfterAck afterAck,
            SlackGateway slack) {
        this.orchestrators = orchestrators;
        this.findProject = findProject;
        this.scope = scope;
        this.afterAck = afterAck;
        this.slack = slack;
    }

    @Override
    public String name() {
        return "repos";
    }

    @Override
    public String usage() {
        return "/upgrade repos <project> add|remove <org/repo …> [-- why]";
    }

    @Override
    public String summary() {
        return "Add repositories to a project (a removed one gets its issue reopened), or remove them (their issue is closed as not planned, saying why)";
    }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var payload = req.getPayload();
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(payload.getUserId());
        if (orchestrator == OrchestratorGate.Answer.REFUSED) {
            return ctx.ack(refusal());
        }
        String text = args == null ? "" : args.strip();
        String reason = null;
        int dashes = text.indexOf(" -- ");
        if (dashes >= 0) {
            reason = text.substring(dashes + 4).strip();
            text = text.substring(0, dashes).strip();
        }
        String[] parts = text.split("\\s+", 3);
        if (parts.length < 3 || !(parts[1].equalsIgnoreCase("add") || parts[1].equalsIgnoreCase("remove"))) {
            return ctx.ack("Usage: `" + usage() + "`, e.g. `/upgrade repos django-5-2 add openedx/xblock-lti`");
        }
        FindProject.Found found = findProject.findToChange(parts[0], payload.getChannelId());
        if (!found.found()) {
            return ctx.ack(ProjectNotFound.mrkdwn(found));
        }
        boolean add = parts[1].equalsIgnoreCase("add");
        String repos = parts[2];
        String user = payload.getUserId();
        String responseUrl = payload.getResponseUrl();
        String why = reason;
        if (add) {
            String error = ResolveRepositories.syntaxError(repos);
            if (error != null) {
                return ctx.ack(":warning: " + error);
            }
            afterAck.run(() -> answer(user, responseUrl, () -> {
                ChangeProjectScope.Result r = scope.add(found.slug(), repos, user, false);
                if (r.needsConfirmation()) {
                    slack.respond(responseUrl, "Some repositories cannot be used",
                            ScopeChangeView.confirmAdd(found.slug(), r.reachable(), r.unreachable()), false);
                } else {
                    slack.respond(responseUrl, "Repositories of " + found.slug(),
                            ScopeChangeView.result(found.slug(), r), false);
                }
            }));
            return ctx.ack(":hourglass_flowing_sand: Checking the repositories on GitHub…");
        }
        RepoListParse parse = RepoListParser.parse(repos);
        if (parse.hasErrors() || parse.repos().isEmpty()) {
            return ctx.ack(":warning: "
                    + (parse.hasErrors() ? String.join("; ", parse.errors()) : "Name the repositories to remove"));
        }
        List<String> names = parse.repos().stream().map(RepoRef::fullName).toList();
        afterAck.run(() -> answer(user, responseUrl, () -> {
            ChangeProjectScope.Result r = scope.remove(found.slug(), names, why, user);
            slack.respond(responseUrl, "Repositories of " + found.slug(),
                    ScopeChangeView.result(found.slug(), r), false);
        }));
        return ctx.ack(
                ":hourglass_flowing_sand: Removing " + names.size() + " repositor" + (names.size() == 1 ? "y" : "ies")
                        + " from " + found.slug() + "…");
    }

    private String refusal() {
        return OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.CHANGE_REPOS));
    }

    /** Runs after the ack; the membership check is repeated there when it was not known before the ack. */
    private void answer(String user, String responseUrl, Runnable work) {
        try {
            if (!orchestrators.allows(user)) {
                slack.respond(responseUrl, refusal(), null, false);
                return;
            }
            work.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "repos command failed");
            slack.respond(responseUrl, ":x: That did not work: " + e.getMessage(), null, false);
        }
    }
}
