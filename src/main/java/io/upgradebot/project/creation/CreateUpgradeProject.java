package io.upgradebot.project.creation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoRef;
import io.upgradebot.domain.Slug;
import io.upgradebot.github.PlannedWrite;
import io.upgradebot.github.WriteQueue;
import io.upgradebot.project.ProjectNotifier;
import io.upgradebot.project.creation.NewProjectRequest.Field;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code /upgrade new}: the runbook's "Identify", "Schedule" and "Determine Scope" steps for one project.
 *
 * <ol>
 *   <li>{@link #validate} (on the Slack request thread, no GitHub): what the form can be told at once.</li>
 *   <li>{@link #submit} (after the ack): resolves the repositories, settles the date, stores the project as a
 *       PREVIEW (it writes nothing yet), then posts the preview, asks for a confirmation, or starts it.</li>
 *   <li>{@link #confirm} / {@link #createFromPreview}: PREVIEW → CREATING exactly once, planning every GitHub write
 *       in the same transaction; the write queue does the rest and {@link StatusMessages} shows it.</li>
 * </ol>
 * A double submit, a re-run or a second click finds the stored project (unique slug) and the stored writes
 * (idempotency keys): nothing is created twice.
 */
@ApplicationScoped
public class CreateUpgradeProject {

    private static final Logger LOG = Logger.getLogger(CreateUpgradeProject.class);

    private final UpgradeBotConfig config;
    private final ResolveRepositories resolver;
    private final SuggestCompletionDate dates;
    private final PlanProjectWrites planner;
    private final WriteQueue queue;
    private final StatusMessages statusMessages;
    private final ProjectNotifier notifier;
    private final Clock clock;

    public CreateUpgradeProject(UpgradeBotConfig config, ResolveRepositories resolver, SuggestCompletionDate dates,
            PlanProjectWrites planner, WriteQueue queue, StatusMessages statusMessages,
            ProjectNotifier notifier, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.resolver = resolver;
        this.dates = dates;
        this.planner = planner;
        this.queue = queue;
        this.statusMessages = statusMessages;
        this.notifier = notifier;
    }

    /** What happened to a submission, for the Slack side to show. */
    public sealed interface Outcome {
    }

    /** Nothing was stored or written; {@code message} says why (mrkdwn). */
    public record Refused(String message) implements Outcome {
    }

    /** Nothing was stored or written: the repositories could not be resolved ({@code problem} says why). */
    public record RepositoriesUnresolved(ResolveRepositories.Problem problem) implements Outcome {
    }

    /**
     * Stored as a draft, waiting for the person: repositories that cannot be reached (created without them only if
     * they confirm), and/or no completion date could be suggested.
     */
    public record NeedsConfirmation(long projectId, String name, List<UnreachableRepo> unreachable, int reachable,
            boolean needsDate, DateSuggestion suggestion) implements Outcome {
    }

    public record PreviewPosted(long projectId, String slug, String channelId) implements Outcome {
    }

    /**
     * The writes are planned. {@code statusNotPosted} when the status message could not be posted in the channel
     * (the bot is likely not in it): the person must know where progress cannot be shown.
     */
    public record Started(long projectId, String slug, String channelId, int repositories, boolean statusNotPosted)
            implements
                Outcome {
    }

    /** Someone (or an earlier click) started it already; nothing more was done. */
    public record AlreadyStarted(long projectId, String slug, String channelId) implements Outcome {
    }

    // ------------------------------------------------------------------------------------- validation

    /** Field errors the form can show before it closes (syntax and the database only: fast). Empty when fine. */
    public Map<Field, String> validate(NewProjectRequest r) {
        Map<Field, String> errors = new EnumMap<>(Field.class);
        if (r.name() == null) {
            errors.put(Field.NAME, "Give the project a name, e.g. Django 5.2");
        } else {
            String slug = Slug.of(r.name());
            Optional<UpgradeProjectEntity> existing = QuarkusTransaction.joiningExisting()
                    .call(() -> UpgradeProjectEntity.findBySlug(slug));
            if (existing.isPresent() && existing.get().state != ProjectState.PREVIEW) {
                errors.put(Field.NAME,
                        "There is a project called “" + existing.get().name + "” already: /upgrade status "
                                + slug + ". Pick another name.");
            }
        }
        String roadmap = r.roadmapRepo() != null ? r.roadmapRepo() : config.roadmapRepo().orElse(null);
        if (roadmap == null) {
            errors.put(Field.ROADMAP_REPO, "Name the roadmap repository (org/repo)");
        } else if (RepoRef.tryParse(roadmap).isEmpty()) {
            errors.put(Field.ROADMAP_REPO, "'" + roadmap + "' is not org/repo");
        }
        String repos = ResolveRepositories.syntaxError(r.repositories());
        if (repos != null) {
            errors.put(Field.REPOSITORIES, repos);
        }
        LocalDate today = LocalDate.now(clock);
        if (r.completionDate() != null && r.completionDate().isBefore(today)) {
            errors.put(Field.COMPLETION_DATE, "That date has passed; pick one from today on");
        }
        DateSuggestion s = r.suggestion();
        if (r.completionDate() == null) {
            if (r.product() == null || r.currentVersion() == null) {
                errors.put(Field.COMPLETION_DATE, "Pick a date, or fill the dependency and the version in use so I can "
                        + "suggest one");
            }
        } else if (r.dateReason() == null) {
            if (s == null || s.date() == null) {
                errors.put(Field.DATE_REASON, "Say why this date: the runbook asks the roadmap issue to explain it");
            } else if (!s.date().equals(r.completionDate())) {
                errors.put(Field.DATE_REASON, "You changed the suggested date (" + s.date() + "): say why");
            }
        }
        if (r.orchestrationTeam() == null) {
            errors.put(Field.ORCHESTRATION_TEAM, "Name the team that orchestrates the upgrade");
        }
        if (r.channelId() == null) {
            errors.put(Field.CHANNEL, "Pick the channel where the project is followed");
        }
        if (r.docsUrl() != null && !isWebUrl(r.docsUrl())) {
            errors.put(Field.DOCS_URL, "Give an http(s) link");
        }
        return errors;
    }

    private static boolean isWebUrl(String s) {
        try {
            URI u = URI.create(s);
            return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------- submit

    /** After the ack: resolve, store as PREVIEW, then preview, ask, or start. Never throws for bad input. */
    public Outcome submit(NewProjectRequest r) {
        Map<Field, String> errors = validate(r);
        if (!errors.isEmpty()) {
            return new Refused(String.join("\n", errors.values()));
        }
        String roadmap = r.roadmapRepo() != null ? r.roadmapRepo() : config.roadmapRepo().orElseThrow();
        Optional<String> roadmapProblem = resolver.unusable(RepoRef.parse(roadmap).fullName());
        if (roadmapProblem.isPresent()) {
            return new Refused("The roadmap repository " + roadmapProblem.get() + ".");
        }
        ResolveRepositories.Resolution res = resolver.resolve(r.repositories(), config.projects().maxRepositories());
        if (res.problem() != null) {
            return new RepositoriesUnresolved(res.problem());
        }
        if (res.reachable().isEmpty()) {
            return new Refused("None of the repositories can be used, so there is nothing to create:\n"
                    + describe(res.unreachable()));
        }
        DateSuggestion suggestion = settleDate(r);
        LocalDate date = r.completionDate() != null ? r.completionDate() : suggestion.date();
        String reason = r.completionDate() != null && r.dateReason() != null ? r.dateReason() : suggestion.reason();
        String release = r.release() != null ? r.release() : suggestion.release();

        long projectId;
        try {
            projectId = QuarkusTransaction.requiringNew().call(() -> storeDraft(r, res, date, reason, release));
        } catch (IllegalStateException e) {
            return new Refused(e.getMessage());
        } catch (RuntimeException e) {
            boolean raced = QuarkusTransaction.requiringNew()
                    .call(() -> UpgradeProjectEntity.findBySlug(Slug.of(r.name()))
                            .isPresent());
            if (!raced) {
                throw e;
            }
            // two submissions raced for the same slug (unique constraint): the other one won
            return new Refused("A project called “" + r.name() + "” was just created by someone else: /upgrade status "
                    + Slug.of(r.name()));
        }
        String overlap = dates.overlapWarning(release, projectId).orElse(null);
        DateSuggestion shown = new DateSuggestion(date, release, reason, date == null, overlap);
        if (r.previewOnly()) {
            ProjectPreview preview = preview(projectId, res.unreachable(), res.searchQuery(), shown);
            String ts = notifier.postPreview(r.channelId(), preview);
            QuarkusTransaction.requiringNew().run(() -> {
                UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
                // the preview message becomes the project's status message once "Create it" is pressed
                p.statusChannelId = r.channelId();
                p.statusMessageTs = ts;
            });
            return new PreviewPosted(projectId, Slug.of(r.name()), r.channelId());
        }
        if (!res.unreachable().isEmpty() || date == null) {
            return new NeedsConfirmation(projectId, r.name(), res.unreachable(), res.reachable().size(), date == null,
                    shown);
        }
        return start(projectId, r.requestedBy(), null, null);
    }

    private DateSuggestion settleDate(NewProjectRequest r) {
        if (r.completionDate() != null) {
            return r.suggestion() != null
                    ? r.suggestion()
                    : new DateSuggestion(r.completionDate(), r.release(), r.dateReason(), false, null);
        }
        if (r.suggestion() != null && r.suggestion().date() != null) {
            return r.suggestion();
        }
        return dates.suggest(r.product(), r.currentVersion(), null);
    }

    private long storeDraft(NewProjectRequest r, ResolveRepositories.Resolution res, LocalDate date, String reason,
            String release) {
        String slug = Slug.of(r.name());
        UpgradeProjectEntity p = UpgradeProjectEntity.findBySlug(slug).orElse(null);
        if (p != null && p.state != ProjectState.PREVIEW) {
            throw new IllegalStateException(
                    "There is a project called “" + p.name + "” already: /upgrade status " + slug);
        }
        if (p == null) {
            p = new UpgradeProjectEntity();
            p.slug = slug;
            p.state = ProjectState.PREVIEW;
        } else {
            // a preview wrote nothing: submitting the same name again replaces it
            ProjectRepoEntity.delete("projectId", p.id);
        }
        p.name = r.name();
        p.teamId = r.teamId();
        p.dependency = r.product();
        p.currentVersion = r.currentVersion();
        p.targetVersion = r.targetVersion();
        p.roadmapRepo = RepoRef.parse(r.roadmapRepo() != null ? r.roadmapRepo() : config.roadmapRepo().orElseThrow())
                .fullName();
        p.releaseName = release;
        p.completionDate = date;
        p.completionReason = reason;
        p.orchestrationTeam = r.orchestrationTeam();
        p.channelId = r.channelId();
        p.docsUrl = r.docsUrl();
        p.createdBy = r.requestedBy();
        p.statusChannelId = null;
        p.statusMessageTs = null;
        if (p.id == null) {
            p.persistAndFlush();
        }
        for (String repo : res.reachable()) {
            ProjectRepoEntity e = new ProjectRepoEntity();
            e.projectId = p.id;
            e.repo = repo;
            e.ownerDoes = "TBD";
            e.inScope = true;
            e.persist();
        }
        return p.id;
    }

    /** The person confirmed (created without the unreachable repositories, and/or entered the missing date). */
    public Outcome confirm(long projectId, String userId, LocalDate date, String reason) {
        if (date != null && date.isBefore(LocalDate.now(clock))) {
            return new Refused("That date has passed; pick one from today on.");
        }
        return start(projectId, userId, date, reason);
    }

    /** "Create it" on a preview. */
    public Outcome createFromPreview(long projectId, String userId) {
        return start(projectId, userId, null, null);
    }

    /** True when the project is still a draft without a completion date (the "Create it" button must ask for one). */
    public boolean needsDate(long projectId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
            return p != null && p.state == ProjectState.PREVIEW && p.completionDate == null;
        });
    }

    private Outcome start(long projectId, String userId, LocalDate date, String reason) {
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
            if (p == null) {
                return new Refused("This project draft no longer exists (it was replaced by a newer submission "
                        + "with the same name).");
            }
            if (p.state != ProjectState.PREVIEW) {
                return new AlreadyStarted(p.id, p.slug, p.channelId);
            }
            if (date != null) {
                p.completionDate = date;
                // no reason: the date is the creator's own choice; createdBy (set below) says who, and each medium
                // says so in its own words (a Slack mention means nothing on GitHub)
                p.completionReason = reason;
            }
            if (p.completionDate == null) {
                return new Refused("A completion date is needed before the project can be created.");
            }
            // PREVIEW → CREATING once, whoever clicks or submits twice: the row lock of this update decides
            int won = UpgradeProjectEntity.update(
                    "state = ?1, createdBy = ?2, updatedAt = ?3 where id = ?4 and state = ?5",
                    ProjectState.CREATING, userId, clock.instant(), projectId,
                    ProjectState.PREVIEW);
            if (won == 0) {
                return new AlreadyStarted(p.id, p.slug, p.channelId);
            }
            p.state = ProjectState.CREATING;
            p.createdBy = userId; // the bulk update above left this instance as it was; the planner reads it
            List<ProjectRepoEntity> repos = ProjectRepoEntity.inScopeOf(projectId);
            List<PlannedWrite> writes = planner.initial(p, repos);
            writes.forEach(queue::enqueue);
            LOG.infof("project %s: %d repositories, %d GitHub writes planned", p.slug, repos.size(), writes.size());
            return new Started(p.id, p.slug, p.channelId, repos.size(), false);
        });
        if (outcome instanceof Started started) {
            queue.wake();
            Optional<String> posted = Optional.empty();
            try {
                posted = statusMessages.refreshNow(projectId);
            } catch (RuntimeException e) {
                LOG.warnf("status message of project %d not posted yet: %s", projectId, e.getMessage());
            }
            if (posted.isEmpty()) {
                // the writes are planned and run regardless; the person must know where progress cannot be shown
                return new Started(started.projectId(), started.slug(), started.channelId(), started.repositories(),
                        true);
            }
        }
        return outcome;
    }

    /** What a preview shows (nothing is written). */
    ProjectPreview preview(long projectId, List<UnreachableRepo> unreachable, String searchQuery,
            DateSuggestion shown) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
            List<ProjectRepoEntity> repos = ProjectRepoEntity.inScopeOf(projectId);
            return new ProjectPreview(p.id, p.name, p.slug, p.roadmapRepo, planner.roadmapTitle(p),
                    config.roadmapLabels(), planner.repoIssueTitle(p), repos.stream().map(e -> e.repo).toList(),
                    unreachable, searchQuery, p.releaseName, p.completionDate, p.completionReason,
                    p.completionDate == null, shown.overlapWarning(), p.orchestrationTeam, p.docsUrl,
                    planner.boards().boardName().orElse(null), planner.boardValues(p),
                    planner.subIssueLinks(p, repos, 0),
                    p.createdBy, planner.boards().roadmapBoardName().orElse(null),
                    planner.boards().roadmapBoardValues());
        });
    }

    static String describe(List<UnreachableRepo> unreachable) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < unreachable.size(); i++) {
            if (i == 30) {
                b.append("…and ").append(unreachable.size() - 30).append(" more\n");
                break;
            }
            b.append("• ").append(unreachable.get(i).repo()).append(": ").append(unreachable.get(i).why()).append('\n');
        }
        return b.toString().strip();
    }
}
