package io.upgradebot.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The maintenance board and the roadmap board as configured: parsed once, checked at startup (one log line per
 * problem; a bad entry is left out rather than stopping the bot, since the rest of it works without a board).
 */
@ApplicationScoped
public class BoardSettings {

    private static final Logger LOG = Logger.getLogger(BoardSettings.class);

    private final UpgradeBotConfig config;

    public BoardSettings(UpgradeBotConfig config) {
        this.config = config;
    }

    void report(@Observes StartupEvent event) {
        roadmapBoardProblems().forEach(LOG::warn);
        roadmapBoardName().ifPresent(name -> LOG.infof("Roadmap board: %s; new roadmap issues are added to it%s", name,
                roadmapBoardValues().isEmpty() ? "" : " with " + roadmapBoardValues()));
    }

    /** "org #number" when a maintenance board is configured. */
    public Optional<String> boardName() {
        var b = config.board();
        return b.org().isPresent() && b.number().isPresent()
                ? Optional.of(b.org().get() + " #" + b.number().getAsInt())
                : Optional.empty();
    }

    /** "org #number" when a roadmap board is configured. */
    public Optional<String> roadmapBoardName() {
        var b = config.roadmapBoard();
        return b.org().isPresent() && b.number().isPresent()
                ? Optional.of(b.org().get() + " #" + b.number().getAsInt())
                : Optional.empty();
    }

    /**
     * Field → option the roadmap issue's item gets on the roadmap board, from {@code Field=Option} entries; an entry
     * without both parts is left out (and reported at startup, see {@link #roadmapBoardProblems()}).
     */
    public Map<String, String> roadmapBoardValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String entry : config.roadmapBoard().fields().orElse(List.of())) {
            fieldOption(entry).ifPresent(fo -> values.put(fo.getKey(), fo.getValue()));
        }
        return values;
    }

    /** What is wrong with the roadmap board settings, for one log line each at startup. */
    public List<String> roadmapBoardProblems() {
        List<String> problems = new ArrayList<>();
        var b = config.roadmapBoard();
        if (b.org().isPresent() != b.number().isPresent()) {
            problems.add("upgrade-bot.roadmap-board needs both org and number; the roadmap issue is added to no board");
        }
        for (String entry : b.fields().orElse(List.of())) {
            if (fieldOption(entry).isEmpty()) {
                problems.add(
                        "upgrade-bot.roadmap-board.fields entry \"" + entry + "\" is not Field=Option; it is left out");
            }
        }
        return problems;
    }

    /** {@code Field=Option} as its two trimmed parts; empty when either is missing. */
    private static Optional<Map.Entry<String, String>> fieldOption(String entry) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
            return Optional.empty();
        }
        String field = entry.substring(0, eq).strip();
        String option = entry.substring(eq + 1).strip();
        return field.isEmpty() || option.isEmpty() ? Optional.empty() : Optional.of(Map.entry(field, option));
    }
}
