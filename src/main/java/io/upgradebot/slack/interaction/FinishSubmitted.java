package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.config.ScheduleConfig;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.project.finish.FinishProject;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.FinishModal;
import io.upgradebot.slack.view.OrchestratorRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * "Finish" on the finish form: a missing reason while something is open is a field error; otherwise the modal
 * closes and the finish runs after the ack. Submitting twice (double click, second form, Slack retry) finishes once:
 * the second finds the project finished.
 */
@ApplicationScoped
public class FinishSubmitted implements ViewSubmissionHandler {

    private final OrchestratorGate orchestrators;
    private final FinishProject finish;
    private final SlackDirectory directory;
    private final ScheduleConfig schedule;
    private final AfterAck afterAck;
    private final SlackGateway slack;
    private final AnnouncementPoster poster;
    private final ProjectSummaries summaries;

    public FinishSubmitted(OrchestratorGate orchestrators, FinishProject finish, SlackDirectory directory,
            ScheduleConfig schedule, AfterAck afterAck, SlackGateway slack, AnnouncementPoster poster,
            ProjectSummaries summaries) {
        this.orchestrators = orchestrators;
        this.finish = finish;
        this.directory = directory;
        this.schedule = schedule;
        this.afterAck = afterAck;
        this.slack = slack;
        this.poster = poster;
        this.summaries = summaries;
    }

    @Override
    public CallbackIds callbackId() {
        return CallbackIds.FINISH;
    }

    @Override
    public Response handle(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        String user = req.getPayload().getUser().getId();
        FinishModal.Meta meta = FinishModal.meta(req.getPayload().getView().getPrivateMetadata());
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(user);
        if (orchestrator == OrchestratorGate.Answer.REFUSED) {
            return ctx.ackWithErrors(Map.of(FinishModal.REASON, OrchestratorRefusal.plain(refusal())));
        }
        FinishModal.Form form = FinishModal.parse(req.getPayload().getView().getState());
        if (meta.somethingOpen() && form.reason() == null) {
            return ctx.ackWithErrors(Map.of(FinishModal.REASON, FinishModal.reasonNeeded()));
        }
        afterAck.run(() -> {
            String channel = meta.channelId();
            if (!orchestrators.allowsAfterAck(orchestrator, user)) {
                ConfirmAnnouncement.tell(slack, poster, channel, user, OrchestratorRefusal.mrkdwn(refusal()));
                return;
            }
            Optional<SlackDirectory.Person> person = person(user);
            ZoneId zone = person.map(SlackDirectory.Person::timeZone).filter(z -> z != null && !z.isBlank())
                    .map(ZoneId::of).orElse(ZoneId.of(schedule.timeZone()));
            Optional<ProjectSummaries.ProjectSummary> p = summaries.byId(meta.projectId());
            String retroText = p.map(s -> FinishModal.retrospective(s.name(), s.roadmapIssueUrl())).orElse(null);
            FinishProject.Result r = finish.finish(new FinishProject.Request(meta.projectId(), user,
                    person.map(SlackDirectory.Person::name).orElse(null), form.reason(), form.announcement(),
                    form.retrospective(), retroText, zone, form.unmaintained()));
            ConfirmAnnouncement.tell(slack, poster, channel, user, FinishModal.result(r, zone));
        });
        return ctx.ack(r -> r.responseAction("clear"));
    }

    private Optional<SlackDirectory.Person> person(String user) {
        try {
            return directory.person(user);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private OrchestratorGate.Refusal refusal() {
        return orchestrators.refusal(OrchestratorGate.Action.FINISH);
    }
}
