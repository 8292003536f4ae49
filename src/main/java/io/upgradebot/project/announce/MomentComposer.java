package io.upgradebot.project.announce;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.NudgeConfig;
import io.upgradebot.domain.MessageState;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.domain.StaleRule;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.ProjectTeams;
import io.upgradebot.project.TeamContacts;
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
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes what a scheduled message says at the moment it fires: a person's announcement as typed; the runbook's
 * moments from the project's state then (who is still TBD, how many days are left, what changed this week, what is
 * at risk), so a reminder never repeats figures from the day it was scheduled.
 */
@ApplicationScoped
public class MomentComposer {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

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

    private static String note(ScheduledMessageEntity m) {
        return m.text == null || m.text.isBlank() ? "" : m.text.strip() + "\n\n";
    }

    // --- TBD reminder ------------------------------------------------------------------------------------------

    private Composition tbdReminder(ScheduledMessageEntity m, UpgradeProjectEntity p, List<ProjectRepoEntity> repos) {
        List<ProjectRepoEntity> tbd = repos.stream().filter(r -> levels.isTbd(r.ownerDoes)).toList();
        if (tbd.isEmpty()) {
            return new Composition.Skip("no repository is TBD any more", true);
        }
        Map<String, List<ProjectRepoEntity>> byTeam = new TreeMap<>();
        tbd.forEach(r -> byTeam.computeIfAbsent(r.ownerTeam == null ? "" : r.ownerTeam, k -> new ArrayList<>()).add(r));
        StringBuilder text = new StringBuilder(note(m));
        text.append(":hourglass_flowing_sand: *").append(p.name).append("*: ").append(tbd.size()).append(" of ")
                .append(repos.size()).append(repos.size() == 1 ? " repository has" : " repositories have")
                .append(" no Owner Does level yet. Owners, please choose who does what");
        if (p.completionDate != null) {
            text.append(" (completion date ").append(DATE.format(p.completionDate)).append(")");
        }
        text.append(".\n");
        byTeam.forEach((team, list) -> {
            TeamContacts.Contact who = team.isEmpty() ? null : teams.owner(team, list.get(0).repo);
            text.append("• ").append(who == null
                    ? "Owner unknown"
                    : who.mention() + (who.reachable() ? " (" + team + ")" : ""))
                    .append(": ").append(links(list)).append('\n');
        });
        return send(m, p, new AnnouncementPoster.Post(text.toString().strip(), buttons(p, true)));
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
        StringBuilder text = new StringBuilder(note(m));
        text.append(":calendar: *").append(p.name).append("* is due ").append(DATE.format(p.completionDate))
                .append(": ").append(daysLeft(p.completionDate, zone(m), now)).append(".\n")
                .append("Done: ").append(done).append(" of ").append(repos.size()).append(" repositories")
                .append(percent(done, repos.size())).append(" · open: ").append(open);
        if (tbd > 0) {
            text.append(" · still TBD: ").append(tbd);
        }
        return send(m, p, new AnnouncementPoster.Post(text.toString(), buttons(p, tbd > 0)));
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
        StringBuilder text = new StringBuilder(note(m));
        text.append(":bar_chart: *Weekly digest: ").append(p.name).append("*\n")
                .append("*Progress:* ").append(total - open).append(" of ").append(total).append(" done")
                .append(percent(total - open, total)).append(" · ").append(open).append(" open");
        if (staleCount > 0) {
            text.append(" · ").append(staleCount).append(" stale (no activity for ").append(stale.staleAfterDays())
                    .append("+ days)");
        }
        if (p.completionDate != null) {
            text.append(" · due ").append(DATE.format(p.completionDate)).append(" (")
                    .append(daysLeft(p.completionDate, zone(m), now)).append(")");
        }
        long outside = openDependencyIssues(p.id);
        if (outside > 0) {
            text.append("\n*External dependencies:* ").append(outside).append(outside == 1 ? " issue" : " issues")
                    .append(" still open (`/upgrade deps ").append(p.slug).append("`)");
        }
        text.append("\n*By level* (done / all):\n");
        Map<String, long[]> byLevel = new LinkedHashMap<>();
        levels.orderedKeys().forEach(k -> byLevel.put(k, new long[2]));
        for (ProjectRepoEntity r : repos) {
            long[] c = byLevel.computeIfAbsent(levels.canonical(r.ownerDoes), k -> new long[2]);
            c[1]++;
            if (!isOpen(r, seen)) {
                c[0]++;
            }
        }
        byLevel.forEach((k, c) -> {
            if (c[1] > 0) {
                text.append("• ").append(levels.label(k)).append(": ").append(c[0]).append(" / ").append(c[1])
                        .append('\n');
            }
        });
        text.append("*This week:*\n");
        int before = text.length();
        List<String> closed = seen.byRepoId().values().stream()
                .filter(s -> !s.open() && s.closedAt() != null && s.closedAt().isAfter(weekAgo))
                .map(s -> link(s.repo(), s.url())).sorted().toList();
        if (!closed.isEmpty()) {
            text.append("• Done: ").append(String.join(", ", closed)).append('\n');
        }
        List<String> chosen = choicesSince(repos, weekAgo);
        if (!chosen.isEmpty()) {
            text.append("• Levels chosen: ").append(String.join("; ", chosen)).append('\n');
        }
        List<String> added = repos.stream().filter(r -> r.createdAt != null && r.createdAt.isAfter(weekAgo))
                .map(r -> link(r.repo, r.issueUrl)).toList();
        if (!added.isEmpty()) {
            text.append("• Added to scope: ").append(String.join(", ", added)).append('\n');
        }
        if (text.length() == before) {
            text.append("• Nothing changed.\n");
        }
        if (!seen.fromGitHub()) {
            text.append("_GitHub could not be read just now; figures are from the last time it could._");
        }
        return send(m, p, new AnnouncementPoster.Post(text.toString().strip(), buttons(p, false)));
    }

    private static long openDependencyIssues(long projectId) {
        return QuarkusTransaction.requiringNew().call(() -> io.upgradebot.store.OutsideIssueEntity.count(
                "projectId = ?1 and kind = ?2 and issueState <> ?3", projectId,
                io.upgradebot.store.OutsideIssueEntity.DEPENDENCY, RepoIssueState.CLOSED));
    }

    private List<String> choicesSince(List<ProjectRepoEntity> repos, Instant since) {
        if (repos.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = repos.stream().collect(Collectors.toMap(r -> r.id, r -> r.repo));
        return QuarkusTransaction.requiringNew().call(() -> OwnerDoesChoiceEntity.<OwnerDoesChoiceEntity>list(
                "projectRepoId in ?1 and chosenAt > ?2 order by chosenAt, id", names.keySet(), since).stream()
                .map(c -> names.get(c.projectRepoId) + " → " + levels.label(c.toLevel)
                        + (c.chosenBy != null && c.chosenBy.matches("[UW][A-Z0-9]+")
                                ? " (<@" + c.chosenBy + ">)"
                                : c.chosenBy == null ? "" : " (" + c.chosenBy + ")"))
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
        List<String> lines = new ArrayList<>();
        for (ProjectRepoEntity r : repos) {
            if (!isOpen(r, seen)) {
                continue;
            }
            RepoActivity.Snapshot s = seen.byRepoId().get(r.id);
            String why;
            if (levels.isTbd(r.ownerDoes)) {
                why = "still TBD";
            } else if (s != null && stale.isStale(true, s.lastActivity(), now)) {
                why = "no activity for " + StaleRule.idleDays(s.lastActivity(), now) + " days";
            } else {
                why = "open";
            }
            lines.add("• " + link(r.repo, s != null ? s.url() : r.issueUrl) + ": " + why
                    + " (owner: " + (r.ownerTeam == null ? "unknown" : r.ownerTeam)
                    + (levels.isTbd(r.ownerDoes) ? "" : ", " + levels.label(r.ownerDoes)) + ")");
        }
        if (lines.isEmpty()) {
            return new Composition.Skip("nothing is at risk", false);
        }
        StringBuilder text = new StringBuilder(note(m));
        text.append(":rotating_light: *").append(p.name).append("* is due ").append(DATE.format(p.completionDate))
                .append(" (").append(daysLeft(p.completionDate, zone(m), now)).append(") and ").append(lines.size())
                .append(lines.size() == 1 ? " repository is" : " repositories are").append(" at risk. ")
                .append(teams.orchestration(p).mention())
                .append(", please work with the owning teams to make sure they get the help they need.\n")
                .append(String.join("\n", lines));
        return send(m, p, new AnnouncementPoster.Post(text.toString(), buttons(p, false)));
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

    public static String link(String repo, String url) {
        return url == null ? repo : "<" + url + "|" + repo + ">";
    }

    private static String links(List<ProjectRepoEntity> repos) {
        return repos.stream().map(r -> link(r.repo, r.issueUrl)).collect(Collectors.joining(", "));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "" : " (" + Math.round(100.0 * part / whole) + "%)";
    }

    private ZoneId zone(ScheduledMessageEntity m) {
        return m.timeZone == null ? clock.getZone() : ZoneId.of(m.timeZone);
    }

    static String daysLeft(LocalDate date, ZoneId zone, Instant now) {
        long days = ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), date);
        if (days == 0) {
            return "today";
        }
        if (days < 0) {
            return -days == 1 ? "1 day overdue" : -days + " days overdue";
        }
        return days == 1 ? "1 day left" : days + " days left";
    }
}
