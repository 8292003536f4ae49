package io.upgradebot.project.checklist;

import io.upgradebot.domain.RunbookChecklist;
import io.upgradebot.github.PlannedWrite;
import io.upgradebot.github.WritePayload;
import io.upgradebot.github.WritePayload.Num;
import io.upgradebot.github.WriteQueue;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.store.ChecklistItemEntity;
import io.upgradebot.store.ChecklistItemEntity.Source;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The runbook checklist of a project's roadmap issue, ticked and unticked item by item (runbook appendix "Roadmap
 * Issue Checklist": "check items off as they are completed").
 *
 * <p>Each change records the wanted state of every item it touches (who, when) and enqueues one
 * {@code SET_CHECKLIST_ITEMS} write, in the caller's transaction (or its own). The write changes only those checkbox
 * characters in the roadmap issue's body, re-reading it so a person's concurrent edit is kept; a line a person
 * reworded or removed is left alone and the status thread says so once ({@link ChecklistWriteOutcomes}).
 *
 * <p>How other features use it:
 * <ul>
 *   <li>The bot ticks a step when it has done it: {@link #botTick(long, Set)} (same as {@code tick(id, items,
 *       BOT)}). An item a person unticked after the bot ticked it is left alone: they meant it.</li>
 *   <li>An orchestrator's click in Slack: {@link #tick}/{@link #untick} with their Slack user id.</li>
 *   <li>A person's edit of the roadmap issue on GitHub ({@code issues.edited}): {@link #readBack(long, String,
 *       String)} with the new body (or {@link #readBack(long, Set, String)} with the ids ticked in it); it records
 *       their ticks and unticks and writes nothing.</li>
 * </ul>
 * Changing an item to the state it already has does nothing, so a double click or a repeated event is one write.
 */
@ApplicationScoped
public class ChecklistTicks {

    /** The actor of the bot's own ticks. */
    public static final String BOT = "upgrade-bot";

    private final WriteQueue queue;
    private final Clock clock;
    private final RunbookChecklist checklist = RunbookChecklist.load();

    public ChecklistTicks(WriteQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** The checklist the items come from (ids, texts). */
    public RunbookChecklist checklist() {
        return checklist;
    }

    /**
     * Ticks the items: {@code actor} is a Slack user id, or {@link #BOT} for a step the bot did itself. Unknown ids
     * are ignored.
     */
    @Transactional
    public void tick(long projectId, Set<String> itemIds, String actor) {
        change(projectId, itemIds, true, actor, BOT.equals(actor) ? Source.BOT : Source.SLACK);
    }

    /** Unticks the items ({@code actor} as for {@link #tick}). */
    @Transactional
    public void untick(long projectId, Set<String> itemIds, String actor) {
        change(projectId, itemIds, false, actor, BOT.equals(actor) ? Source.BOT : Source.SLACK);
    }

    /**
     * A step the bot did itself, ticked when it happens. Call it in the transaction that records the step. Ids are
     * the constants of {@link RunbookChecklist} (e.g. {@link RunbookChecklist#SEND_ANNOUNCEMENT}).
     */
    @Transactional
    public void botTick(long projectId, Set<String> itemIds) {
        tick(projectId, itemIds, BOT);
    }

    /**
     * A person edited the roadmap issue on GitHub: {@code tickedIds} are the items ticked in the new body (see
     * {@link RunbookChecklist#tickedIn}); every other item counts as unticked by {@code actor} (a GitHub login).
     * Prefer {@link #readBack(long, String, String)}, which leaves alone the items whose line is not in the body.
     */
    @Transactional
    public void readBack(long projectId, Set<String> tickedIds, String actor) {
        readBack(projectId, tickedIds, new LinkedHashSet<>(checklist.ids()), actor);
    }

    /** As {@link #readBack(long, Set, String)}, from the edited body; items without their line are left alone. */
    @Transactional
    public void readBack(long projectId, String body, String actor) {
        readBack(projectId, checklist.tickedIn(body), checklist.presentIn(body), actor);
    }

    private void readBack(long projectId, Set<String> tickedIds, Set<String> presentIds, String actor) {
        for (String id : presentIds) {
            if (checklist.item(id).isEmpty()) {
                continue;
            }
            boolean ticked = tickedIds.contains(id);
            Optional<ChecklistItemEntity> found = ChecklistItemEntity.find(projectId, id);
            found.ifPresent(r -> r.missingReported = false);
            if (found.isPresent() && (found.get().ticked == ticked || stillWriting(found.get()))) {
                // unchanged, or the body does not show the bot's own change yet: not a person's decision
                continue;
            }
            if (found.isEmpty() && !ticked) {
                continue; // never ticked, still unticked
            }
            record(projectId, found, id, ticked, actor, Source.GITHUB).writeKey = null;
        }
    }

    private void change(long projectId, Set<String> itemIds, boolean ticked, String actor, Source source) {
        UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
        if (p == null || itemIds.isEmpty()) {
            return;
        }
        List<ChecklistItemEntity> changed = new ArrayList<>();
        Set<String> after = new LinkedHashSet<>();
        for (String id : itemIds) {
            if (checklist.item(id).isEmpty()) {
                continue;
            }
            Optional<ChecklistItemEntity> found = ChecklistItemEntity.find(projectId, id);
            if (found.isPresent() && found.get().ticked == ticked) {
                continue;
            }
            if (source == Source.BOT && ticked && found.isPresent() && found.get().source != Source.BOT) {
                continue; // a person unticked it after it was ticked: they meant it
            }
            found.filter(this::stillWriting).ifPresent(r -> after.add(r.writeKey));
            changed.add(record(projectId, found, id, ticked, actor, source));
        }
        if (changed.isEmpty()) {
            return;
        }
        Optional<Num> number = roadmapNumber(p);
        if (number.isEmpty()) {
            return; // no roadmap issue planned (a preview): the state is kept and shown, nothing to write to
        }
        String key = ProjectWriteKeys.checklist(p.slug, ticked,
                changed.stream().map(r -> r.itemId + "." + r.version).toList());
        List<WritePayload.ChecklistItem> items = changed.stream()
                .map(r -> new WritePayload.ChecklistItem(checklist.item(r.itemId).orElseThrow().text(), ticked))
                .toList();
        changed.forEach(r -> r.writeKey = key);
        // an earlier change of the same items still queued goes first, so the last click wins on GitHub too
        queue.enqueue(PlannedWrite.of(key, p.id, new WritePayload.SetChecklistItems(p.roadmapRepo, number.get(),
                items), after.toArray(String[]::new)));
    }

    private ChecklistItemEntity record(long projectId, Optional<ChecklistItemEntity> found, String id,
            boolean ticked, String actor, Source source) {
        ChecklistItemEntity r = found.orElseGet(() -> {
            ChecklistItemEntity e = new ChecklistItemEntity();
            e.projectId = projectId;
            e.itemId = id;
            return e;
        });
        r.ticked = ticked;
        r.actor = actor;
        r.source = source;
        r.changedAt = clock.instant();
        r.version++;
        if (r.id == null) {
            r.persist();
        }
        return r;
    }

    private boolean stillWriting(ChecklistItemEntity r) {
        return r.writeKey != null && GitHubWriteEntity.findByKey(r.writeKey)
                .filter(w -> w.state == GitHubWriteEntity.State.PENDING
                        || w.state == GitHubWriteEntity.State.RUNNING)
                .isPresent();
    }

    private static Optional<Num> roadmapNumber(UpgradeProjectEntity p) {
        if (p.roadmapRepo == null) {
            return Optional.empty();
        }
        if (p.roadmapIssueNumber != null) {
            return Optional.of(Num.of(p.roadmapIssueNumber));
        }
        String roadmap = ProjectWriteKeys.roadmap(p.slug);
        return GitHubWriteEntity.findByKey(roadmap).map(w -> Num.ref(roadmap, "number"));
    }
}
