package io.upgradebot.project.checklist;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.RunbookChecklist;
import io.upgradebot.github.WriteKind;
import io.upgradebot.github.WriteOutcome;
import io.upgradebot.github.WritePayload;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.project.status.StatusMessages;
import io.upgradebot.store.ChecklistItemEntity;
import io.upgradebot.store.ChecklistItemEntity.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What the checklist writes did: the items the bot ticked when it created the roadmap issue are recorded as its
 * own, a child list naming every repository issue ticks the task-list step, and lines a write could not find (a person reworded or removed them, or the body lost its checklist) are
 * reported once in the project's status thread, never forced back in.
 */
@ApplicationScoped
public class ChecklistWriteOutcomes {

    private static final Logger LOG = Logger.getLogger(ChecklistWriteOutcomes.class);

    private final StatusMessages statusMessages;
    private final ChecklistProgress progress;
    private final Clock clock;
    private final RunbookChecklist checklist = RunbookChecklist.load();

    public ChecklistWriteOutcomes(StatusMessages statusMessages, ChecklistProgress progress, Clock clock) {
        this.statusMessages = statusMessages;
        this.progress = progress;
        this.clock = clock;
    }

    void recorded(@Observes WriteOutcome outcome) {
        if (outcome.succeeded() && outcome.projectId() != null
                && outcome.typedPayload() instanceof WritePayload.ReplaceBodySection section
                && ProjectWriteKeys.parse(outcome.key()).filter(k -> ProjectWriteKeys.CHILDREN.equals(k.what()))
                        .isPresent()) {
            progress.childListWritten(outcome.projectId(), section.content());
            return;
        }
        if (!outcome.succeeded() || outcome.projectId() == null
                || !ProjectWriteKeys.roadmap(slugOf(outcome)).equals(outcome.key())
                || !(outcome.typedPayload() instanceof WritePayload.CreateIssue created)) {
            return;
        }
        for (String id : checklist.tickedIn(created.body())) {
            if (ChecklistItemEntity.find(outcome.projectId(), id).isEmpty()) {
                ChecklistItemEntity r = new ChecklistItemEntity();
                r.projectId = outcome.projectId();
                r.itemId = id;
                r.ticked = true;
                r.actor = ChecklistTicks.BOT;
                r.source = Source.BOT;
                r.changedAt = clock.instant();
                r.version = 1;
                r.persist();
            }
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) WriteOutcome outcome) {
        if (outcome.kind() != WriteKind.SET_CHECKLIST_ITEMS || !outcome.succeeded()
                || outcome.projectId() == null) {
            return;
        }
        try {
            report(outcome);
        } catch (RuntimeException e) {
            LOG.warnf("checklist lines not found in project %d were not reported: %s", outcome.projectId(),
                    e.getMessage());
        }
    }

    private void report(WriteOutcome outcome) {
        List<String> missing = new ArrayList<>();
        outcome.result().path("missing").forEach(t -> missing.add(t.asText()));
        WritePayload.SetChecklistItems payload = (WritePayload.SetChecklistItems) outcome.typedPayload();
        List<LineNotFound> untold = QuarkusTransaction.requiringNew().call(() -> {
            List<LineNotFound> lines = new ArrayList<>();
            for (WritePayload.ChecklistItem item : payload.items()) {
                Optional<ChecklistItemEntity> r = checklist.items().stream()
                        .filter(i -> i.text().equals(item.text())).findFirst()
                        .flatMap(i -> ChecklistItemEntity.find(outcome.projectId(), i.id()));
                if (r.isEmpty()) {
                    continue;
                }
                if (!missing.contains(item.text())) {
                    r.get().missingReported = false;
                } else if (!r.get().missingReported) {
                    r.get().missingReported = true;
                    lines.add(new LineNotFound(item.ticked(), plain(item.text())));
                }
            }
            return lines;
        });
        if (!untold.isEmpty()) {
            statusMessages.postChecklistLinesNotFound(outcome.projectId(), untold);
        }
    }

    /** A checklist line the write could not find in the roadmap issue: the change wanted, and the line's words. */
    public record LineNotFound(boolean tick, String text) {
    }

    /** A checklist line without its Markdown links ("[Announce](url) the …" → "Announce the …"). */
    static String plain(String text) {
        return text.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    }

    private static String slugOf(WriteOutcome outcome) {
        return ProjectWriteKeys.parse(outcome.key()).map(ProjectWriteKeys.Key::slug).orElse("");
    }

}
