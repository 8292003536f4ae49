package io.upgradebot.project.nudge;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.NudgeConfig;
import io.upgradebot.config.ScheduleConfig;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.domain.StaleRule;
import io.upgradebot.domain.WorkingHours;
import io.upgradebot.github.IssueActivityReader.PullRequests;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.PostContent;
import io.upgradebot.project.ProjectTeams;
import io.upgradebot.project.SlackDirectory;
import io.upgradebot.project.TeamContacts;
import io.upgradebot.project.ownerdoes.OwnerDoesLevelNames;
import io.upgradebot.store.NudgeLogEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Chases repository issues nobody has touched for a while, the way the runbook's "Update the Code" step asks the
 * board to be kept moving: whoever does the next step at the repository's level is nudged (the owning team where
 * it does that step, the orchestration team otherwise; the owner with a way to choose while the level is TBD).
 *
 * <p>One message per recipient per run listing all their stale issues; nobody more than once a day; no issue twice to
 * the same recipient within the cool-down; never on weekends or outside the recipient's working hours (their Slack
 * time zone when known, else the configured one). A nudge is logged before it is posted (and the log removed if
 * posting fails) so a crash can cost a nudge but never send one twice.
 */
@ApplicationScoped
public class StaleIssueNudges {

    private static final Logger LOG = Logger.getLogger(StaleIssueNudges.class);

    /** What a run did, for the log and for tests. */
    public record Report(int projects, int staleIssues, int githubRequests, List<String> nudged, List<String> held,
            String error) {
    }

    /** A stale issue and what to say about it. */
    record Item(long repoId, long projectId, String projectName, String repo, String url, long idleDays,
            PostContent.NextStep next, boolean tbd) {
    }

    private record Destination(String channel, String threadTs, String userId) {
    }

    /** One message's worth: who, where, in which zone, about what. */
    private static final class Nudge {
        final String recipient;
        /** The team addressed where the project talks; null in a direct message. */
        final TeamContacts.Contact team;
        final Destination where;
        final ZoneId zone;
        final List<Item> items = new ArrayList<>();

        Nudge(String recipient, TeamContacts.Contact team, Destination where, ZoneId zone) {
            this.recipient = recipient;
            this.team = team;
            this.where = where;
            this.zone = zone;
        }
    }

    private final NudgeConfig config;
    private final ScheduleConfig schedule;
    private final RepoActivity activity;
    private final ProjectTeams teams;
    private final OwnerDoesLevelNames levels;
    private final SlackDirectory directory;
    private final AnnouncementPoster poster;
    private final Clock clock;

    public StaleIssueNudges(NudgeConfig config, ScheduleConfig schedule, RepoActivity activity, ProjectTeams teams,
            OwnerDoesLevelNames levels, SlackDirectory directory, AnnouncementPoster poster, Clock clock) {
        this.config = config;
        this.schedule = schedule;
        this.activity = activity;
        this.teams = teams;
        this.levels = levels;
        this.directory = directory;
        this.poster = poster;
        this.clock = clock;
    }

    private record Loaded(List<UpgradeProjectEntity> projects, List<ProjectRepoEntity> repos) {
    }

    public Report run() {
        return run(clock.instant());
    }

    /** A run as of {@code now} (working hours, weekends, the cool-down and staleness are all judged at it). */
    public Report run(Instant now) {
        if (!config.enabled()) {
            return new Report(0, 0, 0, List.of(), List.of(), "nudges are switched off");
        }
        Loaded loaded = QuarkusTransaction.requiringNew().call(() -> {
            List<UpgradeProjectEntity> projects = UpgradeProjectEntity.list("state", ProjectState.ACTIVE);
            List<ProjectRepoEntity> repos = projects.isEmpty()
                    ? List.of()
                    : ProjectRepoEntity.list(
                            "projectId in ?1 and inScope = true and issueNodeId is not null and (issueState is null or issueState <> ?2)",
                            projects.stream().map(p -> p.id).toList(), RepoIssueState.CLOSED);
            return new Loaded(projects, repos);
        });
        if (loaded.repos().isEmpty()) {
            return new Report(loaded.projects().size(), 0, 0, List.of(), List.of(), null);
        }
        // one batched read for every project's issues: ⌈N/100⌉ GraphQL requests in all
        RepoActivity.Result seen = activity.refresh(loaded.repos());
        if (!seen.fromGitHub()) {
            // without fresh activity a nudge could chase someone who answered yesterday
            LOG.warnf("stale-issue nudges skipped: GitHub could not be read (%s)", seen.error());
            return new Report(loaded.projects().size(), 0, seen.requests(), List.of(), List.of(), seen.error());
        }
        Map<Long, UpgradeProjectEntity> projects = loaded.projects().stream()
                .collect(Collectors.toMap(p -> p.id, p -> p));
        Map<String, Nudge> nudges = new LinkedHashMap<>();
        int staleCount = 0;
        for (ProjectRepoEntity r : loaded.repos()) {
            RepoActivity.Snapshot s = seen.byRepoId().get(r.id);
            UpgradeProjectEntity p = projects.get(r.projectId);
            if (p.staleAfterDays != null && p.staleAfterDays == 0) {
                continue; // nudges switched off for this project
            }
            StaleRule rule = new StaleRule(
                    p.staleAfterDays != null && p.staleAfterDays > 0 ? p.staleAfterDays : config.staleAfterDays());
            if (s == null || !rule.isStale(s.open(), s.lastActivity(), now)) {
                continue;
            }
            staleCount++;
            try {
                addNudges(nudges, p, r, s, now);
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not work out whom to nudge about %s", r.repo);
            }
        }
        List<String> nudged = new ArrayList<>();
        List<String> held = new ArrayList<>();
        Set<String> nudgedToday = nudgedToday(nudges.values(), now);
        for (Nudge n : nudges.values()) {
            String outcome = send(n, now, nudgedToday);
            (outcome == null ? nudged : held)
                    .add(n.recipient + (outcome == null ? " (" + n.items.size() + ")" : ": " + outcome));
        }
        LOG.infof("stale-issue nudges: %d stale issues, %d GitHub requests, nudged %s, held %s", staleCount,
                seen.requests(), nudged, held);
        return new Report(loaded.projects().size(), staleCount, seen.requests(), nudged, held, null);
    }

    private void addNudges(Map<String, Nudge> nudges, UpgradeProjectEntity p, ProjectRepoEntity r,
            RepoActivity.Snapshot s,
            Instant now) {
        boolean tbd = levels.isTbd(r.ownerDoes);
        PostContent.Step step = switch (s.pullRequests() == null ? PullRequests.NONE : s.pullRequests()) {
            case NONE -> PostContent.Step.CREATE_PRS;
            case OPEN -> PostContent.Step.REVIEW;
            case MERGED -> PostContent.Step.DEPLOY;
        };
        TeamContacts.Contact who;
        PostContent.NextStep next;
        if (tbd) {
            who = r.ownerTeam != null ? teams.owner(r.ownerTeam, r.repo) : teams.orchestration(p);
            next = new PostContent.NextStep(
                    r.ownerTeam != null ? PostContent.Step.CHOOSE_LEVEL : PostContent.Step.FIND_OWNER,
                    r.ownerTeam != null, null);
        } else {
            boolean owner = r.ownerTeam != null && levels.ownerDoes(r.ownerDoes, stepKey(step));
            who = owner ? teams.owner(r.ownerTeam, r.repo) : teams.orchestration(p);
            next = new PostContent.NextStep(step, owner, levels.label(r.ownerDoes));
        }
        Item item = new Item(r.id, p.id, p.name, r.repo, s.url(), StaleRule.idleDays(s.lastActivity(), now), next, tbd);
        ZoneId fallback = ZoneId.of(schedule.timeZone());
        if (config.delivery() == NudgeConfig.Delivery.DM) {
            List<String> people = !who.userIds().isEmpty()
                    ? who.userIds()
                    : who.userGroupId() != null ? directory.userGroupMembers(who.userGroupId()) : List.of();
            if (!people.isEmpty()) {
                for (String u : people) {
                    nudges.computeIfAbsent("user:" + u,
                            k -> new Nudge(k, null, new Destination(null, null, u), zoneOf(u, fallback))).items
                            .add(item);
                }
                return;
            }
            // nobody to write to directly: the team is nudged where the project talks
        }
        Destination where = p.statusChannelId != null && p.statusMessageTs != null
                ? new Destination(p.statusChannelId, p.statusMessageTs, null)
                : new Destination(p.channelId, null, null);
        if (where.channel() == null) {
            return;
        }
        String key = "team:" + who.team();
        nudges.computeIfAbsent(key + "@" + p.id, k -> new Nudge(key, who, where, fallback)).items.add(item);
    }

    private ZoneId zoneOf(String userId, ZoneId fallback) {
        try {
            return directory.person(userId).map(SlackDirectory.Person::timeZone).filter(z -> z != null && !z.isBlank())
                    .map(ZoneId::of).orElse(fallback);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private Set<String> nudgedToday(java.util.Collection<Nudge> nudges, Instant now) {
        Set<String> out = new HashSet<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Nudge n : nudges) {
                Instant dayStart = now.atZone(n.zone).toLocalDate().atStartOfDay(n.zone).toInstant();
                if (NudgeLogEntity.count("recipient = ?1 and nudgedAt >= ?2", n.recipient, dayStart) > 0) {
                    out.add(n.recipient);
                }
            }
        });
        return out;
    }

    /** Answers null when sent, else why it was held back. */
    private String send(Nudge n, Instant now, Set<String> nudgedToday) {
        WorkingHours hours = new WorkingHours(Set.copyOf(config.workDays()), config.workStart(), config.workEnd());
        if (!hours.contains(now, n.zone)) {
            return "outside working hours in " + n.zone.getId();
        }
        if (nudgedToday.contains(n.recipient)) {
            return "already nudged today";
        }
        Instant coolFrom = now.minus(config.coolDown());
        List<Long> logIds = new ArrayList<>();
        List<Item> items = QuarkusTransaction.requiringNew().call(() -> {
            List<Item> fresh = n.items.stream()
                    .filter(i -> NudgeLogEntity.count("recipient = ?1 and projectRepoId = ?2 and nudgedAt > ?3",
                            n.recipient, i.repoId(), coolFrom) == 0)
                    .toList();
            for (Item i : fresh) {
                NudgeLogEntity log = new NudgeLogEntity();
                log.recipient = n.recipient;
                log.projectRepoId = i.repoId();
                log.nudgedAt = now;
                log.persist();
                logIds.add(log.id);
            }
            return fresh;
        });
        if (items.isEmpty()) {
            return "every issue nudged within the cool-down";
        }
        AnnouncementPoster.Post post = render(n, items);
        try {
            if (n.where.userId() != null) {
                poster.postDm(n.where.userId(), post);
            } else {
                poster.post(n.where.channel(), n.where.threadTs(), post);
            }
            return null;
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> NudgeLogEntity.delete("id in ?1", logIds));
            LOG.warnf("nudge to %s failed, will try again next run: %s", n.recipient, e.getMessage());
            return "posting failed: " + e.getMessage();
        }
    }

    private AnnouncementPoster.Post render(Nudge n, List<Item> items) {
        PostContent.StaleNudge nudge = new PostContent.StaleNudge(n.team,
                items.stream().map(i -> new PostContent.StaleIssue(i.projectName(),
                        new PostContent.RepoLink(i.repo(), i.url()), i.idleDays(), i.next())).toList());
        List<AnnouncementPoster.Button> buttons = new ArrayList<>();
        Optional<Item> tbd = items.stream().filter(Item::tbd).findFirst();
        tbd.ifPresent(i -> buttons.add(AnnouncementPoster.Button.chooseLevels(i.projectId(), i.url())));
        return new AnnouncementPoster.Post(nudge, buttons);
    }

    /** The step's key in the Owner Does level configuration. */
    private static String stepKey(PostContent.Step step) {
        return switch (step) {
            case CREATE_PRS -> "create-prs";
            case REVIEW -> "review";
            case DEPLOY -> "deploy";
            default -> throw new IllegalArgumentException(step + " is no step of a level");
        };
    }

    /** The longest threshold a project can have, in days. */
    public static final int MAX_STALE_AFTER_DAYS = 365;

    /** What {@link #setStaleAfterDays} did. */
    public enum ThresholdChange {
        CHANGED, OUT_OF_RANGE, NO_PROJECT
    }

    /**
     * Sets after how many days (1 to {@link #MAX_STALE_AFTER_DAYS}) without human activity a project's issues count
     * as stale. Who may change it is the caller's check (orchestrators).
     */
    public ThresholdChange setStaleAfterDays(long projectId, int days) {
        if (days < 1 || days > MAX_STALE_AFTER_DAYS) {
            return ThresholdChange.OUT_OF_RANGE;
        }
        return storeStaleAfterDays(projectId, days);
    }

    /** No stale-issue nudges for this project (stored as 0 days). */
    public ThresholdChange turnNudgesOff(long projectId) {
        return storeStaleAfterDays(projectId, 0);
    }

    /** Back to the default threshold ({@code upgrade-bot.nudges.stale-after-days}). */
    public ThresholdChange useDefaultStaleAfterDays(long projectId) {
        return storeStaleAfterDays(projectId, null);
    }

    private static ThresholdChange storeStaleAfterDays(long projectId, Integer days) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
            if (p == null) {
                return ThresholdChange.NO_PROJECT;
            }
            p.staleAfterDays = days;
            return ThresholdChange.CHANGED;
        });
    }
}
