package io.upgradebot.project.ownerdoes;

import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.github.PlannedWrite;
import io.upgradebot.github.WritePayload;
import io.upgradebot.github.WritePayload.Num;
import io.upgradebot.github.WriteQueue;
import io.upgradebot.project.ProjectWriteKeys;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Queues "set this single-select field of this board item to this option" for the configured board. The option
 * is ensured first, once per project (GitHub replaces a field's whole option list, so the queue sends every
 * existing option back with the new one), and the field write waits for it. The field write names the option,
 * not its id: the queue looks the id up on the board when it runs, so an option recreated since still works.
 * Joins the caller's transaction: the writes are stored with whatever the caller records.
 */
@ApplicationScoped
public class BoardFieldWrites {

    private final UpgradeBotConfig config;
    private final WriteQueue writes;

    public BoardFieldWrites(UpgradeBotConfig config, WriteQueue writes) {
        this.config = config;
        this.writes = writes;
    }

    public boolean boardConfigured() {
        return config.board().org().isPresent() && config.board().number().isPresent();
    }

    /** False when no board is configured. {@code key} is the field write's idempotency key. */
    public boolean set(Long projectId, String itemId, String field, String option, String key) {
        if (!boardConfigured() || itemId == null) {
            return false;
        }
        String org = config.board().org().get();
        int number = config.board().number().getAsInt();
        String optionKey = ProjectWriteKeys.boardOptionOf(org, number, field, option, projectId);
        writes.enqueue(PlannedWrite.of(optionKey, projectId,
                new WritePayload.EnsureBoardOption(org, Num.of(number), field, option)));
        // waits for the option: the queue holds a write until the writes named in "after" are done
        writes.enqueue(PlannedWrite.of(key, projectId,
                new WritePayload.SetBoardField(org, Num.of(number), itemId, field, option, null), optionKey));
        return true;
    }
}
