package io.upgradebot.slack.interaction;

import io.upgradebot.project.ProjectNotifier;
import io.upgradebot.project.creation.CreateUpgradeProject;
import io.upgradebot.project.creation.CreateUpgradeProject.AlreadyStarted;
import io.upgradebot.project.creation.CreateUpgradeProject.NeedsConfirmation;
import io.upgradebot.project.creation.CreateUpgradeProject.Outcome;
import io.upgradebot.project.creation.CreateUpgradeProject.PreviewPosted;
import io.upgradebot.project.creation.CreateUpgradeProject.Refused;
import io.upgradebot.project.creation.CreateUpgradeProject.RepositoriesUnresolved;
import io.upgradebot.project.creation.CreateUpgradeProject.Started;
import io.upgradebot.project.creation.NewProjectRequest;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.view.ConfirmProjectModal;
import io.upgradebot.slack.view.Mrkdwn;
import io.upgradebot.slack.view.NewProjectModal;
import io.upgradebot.slack.view.PreviewView;
import io.upgradebot.slack.view.RepositoryProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Shows what became of a new-project submission in the modal that is still open (views.update by view id). */
@ApplicationScoped
public class ShowProjectOutcome {

    private static final Logger LOG = Logger.getLogger(ShowProjectOutcome.class);

    private final SlackGateway slack;

    public ShowProjectOutcome(SlackGateway slack) {
        this.slack = slack;
    }

    /**
     * Runs {@code work} (after the ack) and shows its outcome. {@code request} and {@code md} let a refused
     * submission come back as the filled form with the reason on top, instead of losing what the person typed.
     */
    public void inModal(String viewId, NewProjectRequest request, NewProjectModal.Metadata md, Supplier<Outcome> work) {
        Outcome outcome;
        try {
            outcome = work.get();
        } catch (ProjectNotifier.NotifyException e) {
            update(viewId, NewProjectModal.notice(":x: I cannot post in " + channel(request) + " (" + e.error()
                    + "). Invite me there (`/invite @upgrade-bot`) and submit again: nothing was written to GitHub."));
            return;
        } catch (RuntimeException e) {
            LOG.errorf(e, "new project %s failed", request == null ? "?" : request.name());
            update(viewId, NewProjectModal.notice(":x: Something went wrong on my side (" + Mrkdwn.escape(e.getClass()
                    .getSimpleName()) + "). Nothing was created twice; try again, or look at `/upgrade list`."));
            return;
        }
        update(viewId, render(outcome, request, md));
    }

    private static com.slack.api.model.view.View refused(String why, NewProjectRequest request,
            NewProjectModal.Metadata md) {
        if (request != null && md != null) {
            return NewProjectModal.form(request, md, ":x: *Not created:* " + why);
        }
        return NewProjectModal.notice(":x: " + why);
    }

    static com.slack.api.model.view.View render(Outcome outcome, NewProjectRequest request,
            NewProjectModal.Metadata md) {
        if (outcome instanceof Refused r) {
            return refused(r.message(), request, md);
        }
        if (outcome instanceof RepositoriesUnresolved u) {
            return refused(RepositoryProblem.mrkdwn(u.problem()), request, md);
        }
        if (outcome instanceof NeedsConfirmation c) {
            return ConfirmProjectModal.render(c.projectId(), c.name(), c.unreachable(), c.reachable(), c.needsDate(),
                    c.suggestion() == null ? null : c.suggestion().reason());
        }
        if (outcome instanceof PreviewPosted p) {
            return NewProjectModal.notice(":eyes: Preview posted in <#" + p.channelId() + ">. Nothing was written to "
                    + "GitHub; press *Create it* there to create the project.");
        }
        if (outcome instanceof Started s) {
            return NewProjectModal.notice(":rocket: Creating the project with " + s.repositories()
                    + " repository issues. Follow the progress in <#" + s.channelId() + "> (`/upgrade status "
                    + s.slug()
                    + "`)." + (s.statusNotPosted()
                            ? "\n:warning: " + PreviewView.statusNotPosted(s.channelId(), s.slug())
                            : ""));
        }
        AlreadyStarted a = (AlreadyStarted) outcome;
        return NewProjectModal
                .notice("This project is being created already: <#" + a.channelId() + "> (`/upgrade status "
                        + a.slug() + "`).");
    }

    private static String channel(NewProjectRequest r) {
        return r == null || r.channelId() == null ? "the project channel" : "<#" + r.channelId() + ">";
    }

    private void update(String viewId, com.slack.api.model.view.View view) {
        try {
            slack.updateView(viewId, view);
        } catch (SlackGateway.SlackException e) {
            // the person closed the modal: the outcome is in the channel (status message or preview) anyway
            LOG.infof("modal %s not updated: %s", viewId, e.error());
        }
    }

    /** For the callers that have no form to fall back to. */
    public void inModal(String viewId, Supplier<CreateUpgradeProject.Outcome> work) {
        inModal(viewId, null, null, work);
    }
}
