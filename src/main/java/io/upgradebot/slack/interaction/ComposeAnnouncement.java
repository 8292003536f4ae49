package io.upgradebot.slack.interaction;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.config.ScheduleConfig;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.OrchestratorGate;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.project.When;
import io.upgradebot.project.announce.MessageKind;
import io.upgradebot.project.announce.MessageTarget;
import io.upgradebot.project.announce.Recurrence;
import io.upgradebot.project.announce.ScheduledMessages;
import io.upgradebot.slack.CallbackIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.http.AfterAck;
import io.upgradebot.slack.view.AnnounceModal;
import io.upgradebot.slack.view.OrchestratorRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * "Preview" on the announcement modal: checks every field (errors shown on the field), reads the author's time zone
 * from Slack, stores a draft, and pushes the preview (its Back button returns to the filled-in form).
 */
@ApplicationScoped
public class ComposeAnnouncement implements ViewSubmissionHandler {

    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private final OrchestratorGate orchestrators;
    private final SlackDirectory directory;
    private final ScheduledMessages messages;
    private final ScheduleConfig config;
    private final Clock clock;
    private final AfterAck afterAck;
    private final SlackGateway slack;
    private final AnnouncementPoster poster;
    private final ProjectSummaries summaries;

    public ComposeAnnouncement(OrchestratorGate orchestrators, SlackDirectory directory, ScheduledMessages messages,
            ScheduleConfig config, Clock clock, AfterAck afterAck, SlackGateway slack, AnnouncementPoster poster,
            ProjectSummaries summaries) {
        this.summaries = summaries;
        this.orchestrators = orchestrators;
        this.directory = directory;
        this.messages = messages;
        this.config = config;
        this.clock = clock;
        this.afterAck = afterAck;
        this.slack = slack;
        this.poster = poster;
    }

    @Override
    public CallbackIds callbackId() {
        return CallbackIds.ANNOUNCE_COMPOSE;
    }

    @Override
    public Response handle(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        String user = req.getPayload().getUser().getId();
        AnnounceModal.Meta meta = AnnounceModal.meta(req.getPayload().getView().getPrivateMetadata());
        OrchestratorGate.Answer orchestrator = orchestrators.beforeAck(user);
        if (orchestrator == OrchestratorGate.Answer.REFUSED) {
            return ctx.ackWithErrors(Map.of(AnnounceModal.MESSAGE,
                    OrchestratorRefusal.plain(orchestrators.refusal(OrchestratorGate.Action.ANNOUNCE))));
        }
        ProjectSummaries.ProjectSummary project = summaries.byId(meta.projectId()).orElse(null);
        if (project == null) {
            return ctx.ackWithErrors(Map.of(AnnounceModal.MESSAGE, "This project no longer exists."));
        }
        MessageKind kind = meta.kind() == null ? MessageKind.ANNOUNCEMENT : MessageKind.valueOf(meta.kind());
        AnnounceModal.Form form = AnnounceModal.parse(req.getPayload().getView().getState());
        ZoneId zone = authorZone(user);
        Instant now = clock.instant();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!kind.composed() && (form.text() == null || form.text().isBlank())) {
            errors.put(AnnounceModal.MESSAGE, "Write the message.");
        }
        When when = when(form, zone, now, errors);
        if (!errors.isEmpty()) {
            return ctx.ackWithErrors(errors);
        }
        if (orchestrator == OrchestratorGate.Answer.UNKNOWN_YET) {
            // the user-group lookup is slow: the preview shows (a draft posts nothing), the answer comes after the ack,
            // and "Schedule" on the preview asks again
            String channel = meta.channelId();
            afterAck.run(() -> {
                if (!orchestrators.allows(user)) {
                    ConfirmAnnouncement.tell(slack, poster, channel, user,
                            OrchestratorRefusal.mrkdwn(orchestrators.refusal(OrchestratorGate.Action.ANNOUNCE)));
                }
            });
        }
        long draftId = messages.saveDraft(new ScheduledMessages.Draft(meta.projectId(), meta.editOf(), form.text(),
                form.target(), when, user));
        String where = form.target() == MessageTarget.THREAD
                ? (project.hasStatusMessage()
                        ? "the status message's thread in <#" + project.statusChannelId() + ">"
                        : "<#" + project.channelId() + "> (the status message does not exist yet)")
                : "<#" + project.channelId() + ">";
        String body = kind.composed()
                ? (form.text() == null || form.text().isBlank() ? "" : form.text().strip() + "\n\n")
                        + "_…followed by the " + kind.label().toLowerCase(Locale.ROOT)
                        + " the bot writes when it fires._"
                : form.text().strip();
        return ctx.ackWithPush(AnnounceModal.preview(
                new AnnounceModal.PreviewMeta(draftId, meta.projectId(), meta.channelId(), meta.editOf()),
                where, describe(when, now), AnnouncementPoster.Post.of(body), when instanceof When.Now));
    }

    private ZoneId authorZone(String user) {
        try {
            return directory.person(user).map(SlackDirectory.Person::timeZone).filter(z -> z != null && !z.isBlank())
                    .map(ZoneId::of).orElse(ZoneId.of(config.timeZone()));
        } catch (RuntimeException e) {
            return ZoneId.of(config.timeZone());
        }
    }

    /** The schedule the form describes, with an error on the field at fault when it describes none. */
    When when(AnnounceModal.Form f, ZoneId zone, Instant now, Map<String, String> errors) {
        switch (f.when()) {
            case "at" -> {
                if (f.date() == null) {
                    errors.put(AnnounceModal.DATE, "Pick the date.");
                }
                if (f.time() == null) {
                    errors.put(AnnounceModal.TIME, "Pick the time.");
                }
                if (!errors.isEmpty()) {
                    return null;
                }
                // ZonedDateTime.of moves a time inside a DST gap forward (02:30 on the spring-forward night is 03:30)
                Instant at = ZonedDateTime.of(f.date(), f.time(), zone).toInstant();
                if (!at.isAfter(now)) {
                    errors.put(AnnounceModal.DATE,
                            "That is in the past (" + AT.format(at.atZone(zone)) + " " + zone.getId()
                                    + "). Choose a later time, or \"Now\".");
                    return null;
                }
                return new When.At(at, zone);
            }
            case "weekly" -> {
                if (f.days().isEmpty()) {
                    errors.put(AnnounceModal.DAYS, "Tick at least one day.");
                }
                if (f.time() == null) {
                    errors.put(AnnounceModal.TIME, "Pick the time.");
                }
                return errors.isEmpty() ? new When.Repeating(Recurrence.weekly(f.days(), f.time(), zone)) : null;
            }
            case "cron" -> {
                Recurrence.Parsed parsed = Recurrence.parse(f.cron(), zone, config.minRecurringInterval(), now);
                if (!parsed.ok()) {
                    errors.put(AnnounceModal.CRON, parsed.error());
                    return null;
                }
                return new When.Repeating(parsed.recurrence());
            }
            case "before" -> {
                if (f.daysBefore() == null || f.daysBefore() < 0) {
                    errors.put(AnnounceModal.BEFORE, "How many days before the completion date?");
                }
                if (f.time() == null) {
                    errors.put(AnnounceModal.TIME, "Pick the time.");
                }
                return errors.isEmpty() ? new When.DaysBefore(f.daysBefore(), f.time(), zone) : null;
            }
            default -> {
                return new When.Now();
            }
        }
    }

    static String describe(When when, Instant now) {
        if (when instanceof When.At at) {
            return AT.format(at.instant().atZone(at.zone())) + " (" + at.zone().getId() + ")"
                    + (at.zone().getRules().getOffset(at.instant()).getTotalSeconds() == 0
                            ? ""
                            : " = " + AT.format(at.instant().atZone(ZoneId.of("UTC"))) + " UTC");
        }
        if (when instanceof When.Repeating r) {
            return r.recurrence().describe() + r.recurrence().nextAfter(now)
                    .map(n -> "; first " + AT.format(n.atZone(r.recurrence().zone()))).orElse("");
        }
        if (when instanceof When.DaysBefore d) {
            return d.days() + (d.days() == 1 ? " day" : " days") + " before the completion date at " + d.time()
                    + " (" + d.zone().getId() + "); it follows the date if that moves";
        }
        return "Now";
    }
}
