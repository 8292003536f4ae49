package io.upgradebot.project.announce;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.NudgeConfig;
import io.upgradebot.domain.MessageState;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.domain.StaleRule;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.PostContent;
import io.upgradebot.project.PostContent.RepoLink;
import io.upgradebot.project.ProjectTeams;
import io.upgradebot.project.nudge.RepoActivity;
import io.upgradebot.project.ownerdoes.OwnerDoesLevelAsk;
import io.upgradebot.project.ownerdoes.OwnerDoesLevelNames;
import io.upgradebot.store.OwnerDoesChoiceEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.ScheduledMessageEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Decides what a scheduled message says at the moment it fires: a person's announcement as typed; the runbook's
 * moments from the project's state then (who is still TBD, how many days are left, what changed this week, what is
 * at risk), so a reminder never repeats figures from the day it was scheduled. The moments are data
 * ({@link PostContent}); the Slack adapter words them when it posts.
 */
@ApplicationScoped
public class MomentComposer {

    /** The message cannot be composed however often it is tried (no channel to post to). */
    public static class CannotCompose extends RuntimeException {
        public CannotCompose(String message) {
            super(message);
        }
    }

    private final RepoActivity activity;
    private final ProjectTeams teams;
    private final OwnerDoesLevelAsk ask;
    private final OwnerDoesLevelNames levels;
    private final NudgeConfig nudges;
    private final Clock clock;

    public MomentComposer(RepoActivity activity, ProjectTeams teams, OwnerDoesLevelAsk ask, OwnerDoesLevelNames levels,
            NudgeConfig nudges, Clock clock) {
        this.activity = activity;
        this.teams = teams;
        this.ask = ask;
        this.levels = levels;
        this.nudges = nudges;
        this.clock = clock;
    }

    private record Loaded(ScheduledMessageEntity message, UpgradeProjectEntity project, List<ProjectRepoEntity> repos) {
    }

    public Composition compose(long messageId, Instant dueAt, Instant now) {
        Loaded l = QuarkusTransaction.requiringNew().call(() -> {
            ScheduledMessageEntity m = ScheduledMessageEntity.findById(messageId);
            UpgradeProjectEntity p = m == null || m.projectId == null
                    ? null
                    : UpgradeProjectEntity.findById(m.projectId);
            List<ProjectRepoEntity> repos = p == null ? List.of() : ProjectRepoEntity.inScopeOf(p.id);
            return new Loaded(m, p, repos);
        });
        ScheduledMessageEntity m = l.message();
        if (m == null) {
            return new Composition.Skip("the message was deleted", true);
        }
        MessageKind kind = MessageKind.of(m.kind);
        UpgradeProjectEntity p = l.project();
        if (kind.composed() && (p == null || p.state == ProjectState.CLOSED || p.state == ProjectState.FINISHED)) {
            return new Composition.Skip("the project is closed", true);
        }
        return switch (kind) {
            case ANNOUNCEMENT -> send(m, p, AnnouncementPoster.Post.of(m.text));
            case ASK -> !l.repos().isEmpty() && l.repos().stream().noneMatch(r -> levels.isTbd(r.ownerDoes))
                    ? new Composition.Skip("every repository has its level already", true)
                    : new Composition.Delegate(p.channelId, key -> ask.post(p.id, m.text, key));
            case TBD_REMINDER -> tbdReminder(m, p, l.repos());
            case DEADLINE_REMINDER -> deadlineReminder(m, p, l.repos(), now);
            case DIGEST -> digest(m, p, l.repos(), now);
            case AT_RISK -> atRisk(m, p, l.repos(), now);
        };
    }

    // --- where -------------------------------------------------------------------------------------------------

    /** The project channel, or the status message's thread (the channel when there is no status message yet). */
    static String[] destination(ScheduledMessageEntity m, UpgradeProjectEntity p) {
        if (MessageTarget.THREAD.name().equals(m.target) && p != null && p.statusChannelId != null
                && p.statusMessageTs != null) {
            return new String[]{p.statusChannelId, p.statusMessageTs};
        }
        String channel = m.channelId != null ? m.channelId : p == null ? null : p.channelId;
        if (channel == null) {
            throw new CannotCompose("the project has no Slack channel to post in");
        }
        return new String[]{channel, m.threadTs};
    }

    private static Composition send(ScheduledMessageEntity m, UpgradeProjectEntity p, AnnouncementPoster.Post post) {
        String[] where = destination(m, p);
        return new Composition.Send(where[0], where[1], post);
    }

    /** The author's own words above a moment, or null. */
    private static String note(ScheduledMessageEntity m) {
        return m.text == null || m.text.isBlank() ? null : m.text.strip();
    }

    // --- TBD reminder ------------------------------------------------------------------------------------------

    private Composition tbdReminder(ScheduledMessageEntity m, UpgradeProjectEntity p, List<ProjectRepoEntity> repos) {
        List<ProjectRepoEntity> tbd = repos.stream().filter(r -> levels.isTbd(r.ownerDoes)).toList();
        if (tbd.isEmpty()) {
            return new Composition.Skip("no repository is TBD any more", true);
        }
        Map<String, List<ProjectRepoEntity>> byTeam = new TreeMap<>();
        tbd.forEach(r -> byTeam.computeIfAbsent(r.ownerTeam == null ? "" : r.ownerTeam, k -> new ArrayList<>()).add(r));
        List<PostContent.TeamRepos> byTeamContent = new ArrayList<>();
        byTeam.forEach((team, list) -> byTeamContent.add(team.isEmpty()
                ? new PostContent.TeamRepos(null, null, links(list))
                : new PostContent.TeamRepos(team, teams.owner(team, list.get(0).repo), links(list))));
        return send(m, p, new AnnouncementPoster.Post(new PostContent.TbdReminder(note(m), p.name, tbd.size(),
                repos.size(), p.completionDate, byTeamContent), buttons(p, true)));
    }

    // --- completion-date reminder ------------------------------------------------------------------------------

    private Composition deadlineReminder(ScheduledMessageEntity m, UpgradeProjectEntity p,
            List<ProjectRepoEntity> repos,
            Instant now) {
        if (p.completionDate == null) {
            return new Composition.Skip("the project has no completion date", false);
        }
        if (m.runAt != null && supersededBy(m, now)) {
            return new Composition.Skip("a later completion-date reminder is due as well; only that one is posted",
                    false);
        }
        long open = repos.stream().filter(r -> r.issueState != RepoIssueState.CLOSED).count();
        if (!repos.isEmpty() && open == 0) {
            return new Composition.Skip("every repository is done", false);
        }
        long tbd = repos.stream().filter(r -> levels.isTbd(r.ownerDoes)).count();
        long done = repos.size() - open;
        return send(m, p, new AnnouncementPoster.Post(new PostContent.DeadlineReminder(note(m), p.name,
                p.completionDate, daysLeft(p.completionDate, zone(m), now), done, repos.size(), open, tbd),
                buttons(p, tbd > 0)));
    }

    /** Several reminders that came due while the bot was down: only the latest is worth posting. */
    private static boolean supersededBy(ScheduledMessageEntity m, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledMessageEntity.count(
                "projectId = ?1 and kind = ?2 and id <> ?3 and runAt > ?4 and runAt <= ?5 and state <> ?6",
                m.projectId, m.kind, m.id, m.runAt, now, MessageState.CANCELLED) > 0);
    }

    // --- weekly digest -----------------------------------------------------------------------------------------

    private Composition digest(ScheduledMessageEntity m, UpgradeProjectEntity p, List<ProjectRepoEntity> repos,
            Instant now) {
        RepoActivity.Result seen = activity.refresh(repos);
        Instant weekAgo = now.minus(Duration.ofDays(7));
        StaleRule stale = staleRule(p);
        long total = repos.size();
        long open = repos.stream().filter(r -> isOpen(r, seen)).count();
        long staleCount = seen.byRepoId().values().stream().filter(s -> stale.isStale(s.open(), s.lastActivity(), now))
                .count();
        long outside = openDependencyIssues(p.id);
        Map<String, long[]> byLevel = new LinkedHashMap<>();
        levels.orderedKeys().forEach(k -> byLevel.put(k, new long[2]));
        for (ProjectRepoEntity r : repos) {
            long[] c = byLevel.computeIfAbsent(levels.canonical(r.ownerDoes), k -> new long[2]);
            c[1]++;
            if (!isOpen(r, seen)) {
                c[0]++;
            }
        }
        List<PostContent.LevelCount> levelCounts = new ArrayList<>();
        byLevel.forEach((k, c) -> {
            if (c[1] > 0) {
                levelCounts.add(new PostContent.LevelCount(levels.label(k), c[0], c[1]));
            }
        });
        List<RepoLink> closed = seen.byRepoId().values().stream()
                .filter(s -> !s.open() && s.closedAt() != null && s.closedAt().isAfter(weekAgo))
                .map(s -> new RepoLink(s.repo(), s.url())).sorted(Comparator.comparing(RepoLink::repo)).toList();
        List<RepoLink> added = repos.stream().filter(r -> r.createdAt != null && r.createdAt.isAfter(weekAgo))
                .map(r -> new RepoLink(r.repo, r.issueUrl)).toList();
        PostContent.WeeklyDigest digest = new PostContent.WeeklyDigest(note(m), p.name, p.slug, total - open, total,
                open, staleCount, stale.staleAfterDays(), p.completionDate,
                p.completionDate == null ? null : daysLeft(p.completionDate, zone(m), now), outside, levelCounts,
                closed, choicesSince(repos, weekAgo), added, seen.fromGitHub());
        return send(m, p, new AnnouncementPoster.Post(digest, buttons(p, false)));
    }

    private static long openDependencyIssues(long projectId) {
        return QuarkusTransaction.requiringNew().call(() -> io.upgradebot.store.OutsideIssueEntity.count(
                "projectId = ?1 and kind = ?2 and issueState <> ?3", projectId,
                io.upgradebot.store.OutsideIssueEntity.DEPENDENCY, RepoIssueState.CLOSED));
    }

    private List<PostContent.LevelChoice> choicesSince(List<ProjectRepoEntity> repos, Instant since) {
        if (repos.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = repos.stream().collect(Collectors.toMap(r -> r.id, r -> r.repo));
        return QuarkusTransaction.requiringNew().call(() -> OwnerDoesChoiceEntity.<OwnerDoesChoiceEntity>list(
                "projectRepoId in ?1 and chosenAt > ?2 order by chosenAt, id", names.keySet(), since).stream()
                .map(c -> new PostContent.LevelChoice(names.get(c.projectRepoId), levels.label(c.toLevel), c.chosenBy))
                .toList());
    }

    // --- at-risk escalation ------------------------------------------------------------------------------------

    private Composition atRisk(ScheduledMessageEntity m, UpgradeProjectEntity p, List<ProjectRepoEntity> repos,
            Instant now) {
        if (p.completionDate == null) {
            return new Composition.Skip("the project has no completion date", false);
        }
        RepoActivity.Result seen = activity.refresh(repos);
        StaleRule stale = staleRule(p);
        List<PostContent.RiskRepo> atRisk = new ArrayList<>();
        for (ProjectRepoEntity r : repos) {
            if (!isOpen(r, seen)) {
                continue;
            }
            RepoActivity.Snapshot s = seen.byRepoId().get(r.id);
            boolean tbd = levels.isTbd(r.ownerDoes);
            PostContent.Risk risk;
            long idle = 0;
            if (tbd) {
                risk = PostContent.Risk.TBD;
            } else if (s != null && stale.isStale(true, s.lastActivity(), now)) {
                risk = PostContent.Risk.IDLE;
                idle = StaleRule.idleDays(s.lastActivity(), now);
            } else {
                risk = PostContent.Risk.OPEN;
            }
            atRisk.add(new PostContent.RiskRepo(new RepoLink(r.repo, s != null ? s.url() : r.issueUrl), risk, idle,
                    r.ownerTeam, tbd ? null : levels.label(r.ownerDoes)));
        }
        if (atRisk.isEmpty()) {
            return new Composition.Skip("nothing is at risk", false);
        }
        return send(m, p, new AnnouncementPoster.Post(new PostContent.AtRisk(note(m), p.name, p.completionDate,
                daysLeft(p.completionDate, zone(m), now), teams.orchestration(p), atRisk), buttons(p, false)));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    StaleRule staleRule(UpgradeProjectEntity p) {
        // 0 (nudges off for the project) still needs a yardstick for "stale" in digests and escalations
        return new StaleRule(
                p.staleAfterDays != null && p.staleAfterDays > 0 ? p.staleAfterDays : nudges.staleAfterDays());
    }

    private static boolean isOpen(ProjectRepoEntity r, RepoActivity.Result seen) {
        RepoActivity.Snapshot s = seen.byRepoId().get(r.id);
        return s != null ? s.open() : r.issueState != RepoIssueState.CLOSED;
    }

    private static List<AnnouncementPoster.Button> buttons(UpgradeProjectEntity p, boolean choose) {
        List<AnnouncementPoster.Button> b = new ArrayList<>();
        if (choose) {
            b.add(AnnouncementPoster.Button.chooseLevels(p.id, p.roadmapIssueUrl));
        }
        if (p.roadmapIssueUrl != null) {
            b.add(AnnouncementPoster.Button.link("Roadmap issue", p.roadmapIssueUrl));
        }
        if (p.docsUrl != null && !p.docsUrl.isBlank()) {
            b.add(AnnouncementPoster.Button.link("Upgrade instructions", p.docsUrl));
        }
        return b;
    }

    private static List<RepoLink> links(List<ProjectRepoEntity> repos) {
        return repos.stream().map(r -> new RepoLink(r.repo, r.issueUrl)).toList();
    }

    private ZoneId zone(ScheduledMessageEntity m) {
        return m.timeZone == null ? clock.getZone() : ZoneId.of(m.timeZone);
    }

    /** Days from today (in {@code zone}) to {@code date}; negative when it is past. */
    static long daysLeft(LocalDate date, ZoneId zone, Instant now) {
        return ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), date);
    }
}
