package io.upgradebot.project.finish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.OutsideIssueSettings;
import io.upgradebot.config.ScheduleConfig;
import io.upgradebot.domain.Markers;
import io.upgradebot.domain.MessageState;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.domain.RunbookChecklist;
import io.upgradebot.github.GitHubGateway;
import io.upgradebot.github.GitHubTypes;
import io.upgradebot.github.PlannedWrite;
import io.upgradebot.github.WritePayload;
import io.upgradebot.github.WritePayload.Num;
import io.upgradebot.github.WriteQueue;
import io.upgradebot.project.MessageTriggers;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.project.announce.MessageKind;
import io.upgradebot.project.announce.MessageTarget;
import io.upgradebot.project.announce.RunbookMoments;
import io.upgradebot.project.checklist.ChecklistTicks;
import io.upgradebot.project.ownerdoes.OwnerDoesLevelNames;
import io.upgradebot.store.OutsideIssueEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The runbook's Clean Up ({@code /upgrade finish}) and its undo ({@code /upgrade reopen}). Finishing is one
 * conditional state change in the database (ACTIVE → FINISHED under the project's row lock): whoever makes it does
 * the rest in the same transaction — the completion announcement and the retrospective reminder as scheduled
 * messages (each posted exactly once by the delivery machinery), the project's other scheduled messages stopped, and
 * the GitHub writes (comment, follow-up issues, closing the roadmap issue) enqueued under keys of this finish's round.
 * A second finish, concurrent or repeated, finds the project FINISHED and changes nothing.
 */
@ApplicationScoped
public class FinishProject {

    private static final Logger LOG = Logger.getLogger(FinishProject.class);
    /** Checklist items of the runbook's Clean Up that a finish does (ids in runbook/roadmap-checklist.md). */
    static final String ANNOUNCE_COMPLETION = "announce-completion";
    static final String MARK_ROADMAP_COMPLETE = "mark-roadmap-complete";
    static final String REPLACE_UNMAINTAINED = "replace-unmaintained-dependencies";
    /** How many lines of one kind the "still open" list carries (the modal shows a count beyond). */
    static final int LISTED = 15;

    private final GitHubGateway github;
    private final WriteQueue writes;
    private final MessageTriggers triggers;
    private final RunbookMoments moments;
    private final OwnerDoesLevelNames levels;
    private final OutsideIssueSettings outside;
    private final ScheduleConfig schedule;
    private final Clock clock;
    private final ChecklistTicks ticks;
    private final RunbookChecklist checklist = RunbookChecklist.load();

    public FinishProject(GitHubGateway github, WriteQueue writes, MessageTriggers triggers, RunbookMoments moments,
            OwnerDoesLevelNames levels, OutsideIssueSettings outside, ScheduleConfig schedule, Clock clock,
            ChecklistTicks ticks) {
        this.ticks = ticks;
        this.github = github;
        this.writes = writes;
        this.triggers = triggers;
        this.moments = moments;
        this.levels = levels;
        this.outside = outside;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** A link to an issue: what it is about and where. */
    public record IssueLink(String label, String url) {
    }

    /** An outside issue the finish form offers to mark as inadequately maintained. */
    public record Dependency(long id, String name, String url, boolean open) {
    }

    /**
     * What is still open before a finish, for the form.
     *
     * @param openRepoIssues      repository issues not closed (at most {@value #LISTED}; {@code openRepoCount} all)
     * @param tbdRepos            repositories whose Owner Does level is still TBD (at most {@value #LISTED})
     * @param openOutside         outside issues (dependencies, operations tickets) not closed
     * @param uncheckedItems      checklist lines not ticked on the roadmap issue; empty with {@code checklistRead}
     *                            false when GitHub could not be read
     * @param dependencies        the project's dependency issues, for "inadequately maintained"
     */
    public record Overview(long projectId, String name, String slug, ProjectState state, String dependency,
            String currentVersion, String targetVersion, String roadmapIssueUrl, String docsUrl,
            List<IssueLink> openRepoIssues, int openRepoCount, List<String> tbdRepos, int tbdCount,
            List<IssueLink> openOutside, List<String> uncheckedItems, int uncheckedCount, boolean checklistRead,
            List<Dependency> dependencies, LocalDate suggestedRetrospective) {

        /** Whether finishing now leaves anything behind (then a reason is needed). */
        public boolean somethingOpen() {
            return openRepoCount > 0 || tbdCount > 0 || !openOutside.isEmpty() || uncheckedCount > 0;
        }
    }

    /** What is open in the project; reads the roadmap issue's checklist on GitHub (after the ack only). */
    public Optional<Overview> overview(long projectId) {
        Optional<UpgradeProjectEntity> found = QuarkusTransaction.requiringNew()
                .call(() -> Optional.ofNullable(UpgradeProjectEntity.<UpgradeProjectEntity>findById(projectId)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UpgradeProjectEntity p = found.get();
        List<ProjectRepoEntity> repos = QuarkusTransaction.requiringNew().call(() -> ProjectRepoEntity.inScopeOf(
                projectId));
        refreshOutsideStates(projectId);
        List<OutsideIssueEntity> outsideIssues = QuarkusTransaction.requiringNew()
                .call(() -> OutsideIssueEntity.of(projectId));
        List<ProjectRepoEntity> open = repos.stream().filter(r -> r.issueState != RepoIssueState.CLOSED).toList();
        List<ProjectRepoEntity> tbd = repos.stream().filter(r -> levels.isTbd(r.ownerDoes)).toList();
        List<IssueLink> openOutside = outsideIssues.stream().filter(o -> o.issueState != RepoIssueState.CLOSED)
                .map(o -> new IssueLink(o.name, o.issueUrl)).toList();
        List<String> unchecked = new ArrayList<>();
        boolean read = false;
        if (p.roadmapIssueNumber != null) {
            try {
                Optional<GitHubTypes.Issue> roadmap = github.issue(p.roadmapRepo, p.roadmapIssueNumber);
                if (roadmap.isPresent()) {
                    Set<String> ticked = checklist.tickedIn(roadmap.get().body());
                    checklist.items().stream().filter(i -> !ticked.contains(i.id())).forEach(i -> unchecked.add(
                            i.text()));
                    read = true;
                }
            } catch (RuntimeException e) {
                // the rest of the overview is still worth showing; the form says the checklist could not be read
                LOG.infof("roadmap issue of %s not read for the finish overview: %s", p.slug, e.getMessage());
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(schedule.timeZone())));
        return Optional.of(new Overview(p.id, p.name, p.slug, p.state, p.dependency, p.currentVersion,
                p.targetVersion, p.roadmapIssueUrl, p.docsUrl,
                open.stream().limit(LISTED).map(r -> new IssueLink(r.repo, r.issueUrl)).toList(), open.size(),
                tbd.stream().limit(LISTED).map(r -> r.repo).toList(), tbd.size(), openOutside,
                unchecked.stream().limit(LISTED).toList(), unchecked.size(), read,
                outsideIssues.stream().filter(o -> OutsideIssueEntity.DEPENDENCY.equals(o.kind))
                        .map(o -> new Dependency(o.id, o.name, o.issueUrl, o.issueState != RepoIssueState.CLOSED))
                        .toList(),
                today.plusWeeks(2)));
    }

    /**
     * Outside issues live in other groups' repositories, closed there by people: their state is read from GitHub
     * when the finish form is built, so "still open" is true (an issue GitHub cannot answer for keeps its state).
     */
    private void refreshOutsideStates(long projectId) {
        List<OutsideIssueEntity> known = QuarkusTransaction.requiringNew()
                .call(() -> OutsideIssueEntity.of(projectId));
        for (OutsideIssueEntity o : known) {
            if (o.issueNumber == null) {
                continue;
            }
            try {
                github.issue(o.repo, o.issueNumber).ifPresent(issue -> {
                    RepoIssueState state = "closed".equalsIgnoreCase(issue.state())
                            ? RepoIssueState.CLOSED
                            : RepoIssueState.OPEN;
                    if (state != o.issueState) {
                        QuarkusTransaction.requiringNew().run(() -> OutsideIssueEntity.update(
                                "issueState = ?1 where id = ?2", state, o.id));
                    }
                });
            } catch (RuntimeException e) {
                LOG.infof("outside issue %s#%d not read: %s", o.repo, o.issueNumber, e.getMessage());
            }
        }
    }

    /**
     * What the orchestrator confirmed.
     *
     * @param actor         how the orchestrator is named in GitHub comments (their Slack name)
     * @param reason        why finish with items still open (null when nothing was open)
     * @param announcement  the completion announcement as edited (null or blank: none is posted)
     * @param retrospective the day of the retrospective reminder (null: none), at the configured moment time
     * @param retrospectiveText what the reminder says (written by the Slack view)
     * @param zone          the orchestrator's time zone, for that day
     * @param unmaintained  outside issue ids marked "inadequately maintained"
     */
    public record Request(long projectId, String user, String actor, String reason, String announcement,
            LocalDate retrospective, String retrospectiveText, ZoneId zone, Set<Long> unmaintained) {
    }

    public enum Outcome {
        /** Finished now, by this request. */
        FINISHED,
        /** Already finished (a repeated or concurrent finish): nothing changed. */
        ALREADY_FINISHED,
        /** Only an active project finishes (a preview, one still being created, a closed one). */
        NOT_ACTIVE, NO_SUCH_PROJECT
    }

    /** What a finish did. {@code followUps}: follow-up issues planned; {@code retrospectiveAt}: when reminded. */
    public record Result(Outcome outcome, String name, String slug, String channelId, int followUps,
            Instant retrospectiveAt, int stoppedMessages) {
    }

    public Result finish(Request r) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.find("id", r.projectId())
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if (p == null) {
                return new Result(Outcome.NO_SUCH_PROJECT, null, null, null, 0, null, 0);
            }
            if (p.state == ProjectState.FINISHED) {
                return new Result(Outcome.ALREADY_FINISHED, p.name, p.slug, p.channelId, 0, null, 0);
            }
            if (p.state != ProjectState.ACTIVE) {
                return new Result(Outcome.NOT_ACTIVE, p.name, p.slug, p.channelId, 0, null, 0);
            }
            p.state = ProjectState.FINISHED;
            p.finishedAt = now;
            p.finishedBy = r.user();
            p.finishReason = blankToNull(r.reason());
            p.finishRound = p.finishRound + 1;
            int round = p.finishRound;
            int stopped = pauseMessages(p.id);
            Set<String> done = new java.util.LinkedHashSet<>();
            done.add(MARK_ROADMAP_COMPLETE);
            if (p.channelId != null && blankToNull(r.announcement()) != null) {
                post(p, r.user(), r.announcement().strip(), now);
                done.add(ANNOUNCE_COMPLETION);
            }
            Instant retroAt = null;
            if (r.retrospective() != null && p.channelId != null && blankToNull(r.retrospectiveText()) != null) {
                ZoneId zone = r.zone() == null ? ZoneId.of(schedule.timeZone()) : r.zone();
                retroAt = ZonedDateTime.of(r.retrospective(), schedule.momentTime(), zone).toInstant();
                if (retroAt.isAfter(now)) {
                    post(p, r.user(), r.retrospectiveText(), retroAt);
                } else {
                    retroAt = null;
                }
            }
            Num roadmap = p.roadmapIssueNumber != null
                    ? Num.of(p.roadmapIssueNumber)
                    : Num.ref(ProjectWriteKeys.roadmap(p.slug), "number");
            List<String> before = new ArrayList<>();
            if (p.finishReason != null) {
                String key = ProjectWriteKeys.finishComment(p.slug, round);
                String marker = Markers.comment("finished", String.valueOf(round));
                writes.enqueue(PlannedWrite.of(key, p.id, new WritePayload.Comment(p.roadmapRepo, roadmap,
                        FinishTexts.finishedWithOpenItems(p.finishReason, r.actor()) + "\n\n" + marker, marker)));
                before.add(key);
            }
            int followUps = 0;
            for (OutsideIssueEntity o : OutsideIssueEntity.of(p.id)) {
                if (!OutsideIssueEntity.DEPENDENCY.equals(o.kind) || !r.unmaintained().contains(o.id)) {
                    continue;
                }
                o.inadequatelyMaintained = true;
                Optional<String> repo = outside.dependencyRepo();
                writes.enqueue(PlannedWrite.of(ProjectWriteKeys.followUp(p.slug, o.id), p.id,
                        new WritePayload.CreateIssue(repo.orElse(o.repo), FinishTexts.followUpTitle(o.name),
                                FinishTexts.followUpBody(p, o), null, outside.dependencyLabels(), null)));
                followUps++;
            }
            if (followUps > 0) {
                done.add(REPLACE_UNMAINTAINED);
            }
            // ticked before the close is enqueued: the checklist is written while the issue is still open
            ticks.botTick(p.id, done);
            writes.enqueue(PlannedWrite.of(ProjectWriteKeys.finishClose(p.slug, round), p.id,
                    new WritePayload.CloseIssue(p.roadmapRepo, roadmap, "completed"), before.toArray(String[]::new)));
            return new Result(Outcome.FINISHED, p.name, p.slug, p.channelId, followUps, retroAt, stopped);
        });
    }

    /** Every active message of the project stops; a reopen resumes them. */
    private int pauseMessages(long projectId) {
        int n = 0;
        for (ScheduledMessageEntity m : ScheduledMessageEntity.<ScheduledMessageEntity>list(
                "projectId = ?1 and state = ?2", projectId, MessageState.ACTIVE)) {
            m.state = MessageState.DONE;
            m.pausedByFinish = true;
            triggers.unschedule(m.id);
            n++;
        }
        return n;
    }

    /** A one-shot post in the project channel, delivered exactly once by the scheduled-message machinery. */
    private void post(UpgradeProjectEntity p, String user, String text, Instant at) {
        ScheduledMessageEntity m = new ScheduledMessageEntity();
        m.projectId = p.id;
        m.kind = MessageKind.ANNOUNCEMENT.name();
        m.text = text;
        m.target = MessageTarget.CHANNEL.name();
        m.channelId = p.channelId;
        m.runAt = at;
        m.timeZone = schedule.timeZone();
        m.state = MessageState.ACTIVE;
        m.createdBy = user;
        m.persist();
        triggers.schedule(m);
    }

    public enum ReopenOutcome {
        REOPENED, NOT_FINISHED, NO_SUCH_PROJECT
    }

    public record Reopened(ReopenOutcome outcome, String name, String slug, int resumedMessages) {
    }

    /**
     * Undoes a finish: ACTIVE again, the roadmap issue reopened (with a comment), the messages the finish stopped
     * resumed when they still have a time ahead (recurring ones always), and the runbook moments synced.
     */
    public Reopened reopen(long projectId, String actor) {
        Instant now = clock.instant();
        Reopened done = QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.find("id", projectId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if (p == null) {
                return new Reopened(ReopenOutcome.NO_SUCH_PROJECT, null, null, 0);
            }
            if (p.state != ProjectState.FINISHED) {
                return new Reopened(ReopenOutcome.NOT_FINISHED, p.name, p.slug, 0);
            }
            p.state = ProjectState.ACTIVE;
            int round = p.finishRound;
            int resumed = 0;
            for (ScheduledMessageEntity m : ScheduledMessageEntity.<ScheduledMessageEntity>list(
                    "projectId = ?1 and pausedByFinish = true", projectId)) {
                m.pausedByFinish = false;
                if (m.cron != null || (m.runAt != null && m.runAt.isAfter(now))) {
                    m.state = MessageState.ACTIVE;
                    triggers.schedule(m);
                    resumed++;
                }
            }
            Num roadmap = p.roadmapIssueNumber != null
                    ? Num.of(p.roadmapIssueNumber)
                    : Num.ref(ProjectWriteKeys.roadmap(p.slug), "number");
            String commentKey = ProjectWriteKeys.reopenComment(p.slug, round);
            String marker = Markers.comment("reopened", String.valueOf(round));
            // after this round's close: a reopen right after a finish must not be overtaken by the close
            String close = ProjectWriteKeys.finishClose(p.slug, round);
            writes.enqueue(PlannedWrite.of(commentKey, p.id, new WritePayload.Comment(p.roadmapRepo, roadmap,
                    FinishTexts.reopened(actor) + "\n\n" + marker, marker), close));
            writes.enqueue(PlannedWrite.of(ProjectWriteKeys.reopenIssue(p.slug, round), p.id,
                    new WritePayload.ReopenIssue(p.roadmapRepo, roadmap), close));
            ticks.untick(p.id, Set.of(MARK_ROADMAP_COMPLETE), ChecklistTicks.BOT);
            return new Reopened(ReopenOutcome.REOPENED, p.name, p.slug, resumed);
        });
        if (done.outcome() == ReopenOutcome.REOPENED) {
            try {
                moments.sync(projectId);
            } catch (RuntimeException e) {
                // the periodic sync puts the moments right later
                LOG.warnf(e, "runbook moments of project %d not synced after the reopen", projectId);
            }
        }
        return done;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
