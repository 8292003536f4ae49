package io.upgradebot.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.upgradebot.config.UpgradeBotConfig;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upgradebot.github.GitHubWriteQueue;
import io.upgradebot.github.PayloadRefs;
import io.upgradebot.github.PlannedWrite;
import io.upgradebot.github.WriteKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

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
    private final GitHubWriteQueue writes;
    private final ObjectMapper json = new ObjectMapper();

    public BoardFieldWrites(UpgradeBotConfig config, GitHubWriteQueue writes) {
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
        String optionKey = "board-option:" + org.toLowerCase(Locale.ROOT) + "/" + number + ":"
                + field.toLowerCase(Locale.ROOT) + ":" + option.toLowerCase(Locale.ROOT) + ":p" + projectId;
        writes.enqueue(new PlannedWrite(optionKey, WriteKind.ENSURE_BOARD_OPTION, projectId, json.createObjectNode()
                .put("org", org).put("board_number", number).put("field", field).put("option", option)));
        ObjectNode set = json.createObjectNode().put("org", org).put("board_number", number).put("item_id", itemId)
                .put("field", field).put("option", option);
        // waits for the option: the queue holds a write until the writes named in "after" are done
        set.putArray(PayloadRefs.AFTER).add(optionKey);
        writes.enqueue(new PlannedWrite(key, WriteKind.SET_BOARD_FIELD, projectId, set));
        return true;
    }
}
