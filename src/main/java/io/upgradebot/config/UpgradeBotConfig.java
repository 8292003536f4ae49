package io.upgradebot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Product settings: {@code upgrade-bot.*} properties, {@code UPGRADE_BOT_*} env vars
 * ({@code upgrade-bot.board.org} is {@code UPGRADE_BOT_BOARD_ORG}). The README's table lists every one.
 */
@ConfigMapping(prefix = "upgrade-bot")
public interface UpgradeBotConfig {

    /** Log GitHub writes instead of sending them (enforced in the GitHub gateway). Slack posts still go out. */
    @WithDefault("false")
    boolean dryRun();

    /** Slack user ids allowed to create and run upgrade projects. */
    Optional<List<String>> orchestrators();

    /** A Slack user group id (S…) whose members are orchestrators too. */
    Optional<String> orchestratorGroup();

    /** Default roadmap repository, {@code owner/name}. */
    Optional<String> roadmapRepo();

    /** Labels put on the roadmap issue. */
    @WithDefault("maintenance")
    List<String> roadmapLabels();

    /**
     * Directory of the embedded H2 database (H2 build only): the JDBC URL is built from it, with the flags the bot's
     * SQL needs, so nobody has to write one. application.properties expands it; this default must match the one there.
     */
    @WithDefault("./data")
    String dataDir();

    /** Public base URL of this bot (links in messages); optional. */
    Optional<String> publicUrl();

    Board board();

    /** GitHub Projects (v2) board the roadmap issue is added to (the runbook's "roadmap board"); optional. */
    RoadmapBoard roadmapBoard();

    GitHubWrites github();

    Slack slack();

    /** The HTTP server's own limits (Quarkus' {@code quarkus.http.*} settings hold the rest). */
    Http http();

    /** endoflife.date, for the end of support behind the suggested completion date. */
    EndOfLife endoflife();

    /** {@code /upgrade new} and the project lifecycle. */
    Projects projects();

    /** The roadmap board: where the roadmap issue of every new project is added, with a few fixed values. */
    interface RoadmapBoard {
        Optional<String> org();

        OptionalInt number();

        /**
         * Values the roadmap issue's item gets, each {@code Field=Option} (e.g. {@code Status=Backlog},
         * {@code Type=Maintenance}). A single-select's options must exist on the board: the bot does not add options
         * there; text, number and date fields take the value as written.
         */
        Optional<List<String>> fields();
    }

    /** GitHub Projects (v2) board that repository issues are added to. */
    interface Board {
        Optional<String> org();

        OptionalInt number();

        // --- field names and values as the board spells them (domain-facts "Maintenance board") ---

        /** Single-select field naming the upgrade project; one option per project, added when missing. */
        @WithDefault("Project")
        String projectField();

        /** Single-select field naming the orchestration team. */
        @WithDefault("Source")
        String sourceField();

        /** Single-select field naming the owning team. */
        @WithDefault("Owner")
        String ownerField();

        /** Single-select field holding the upgrade service level (TBD until the owners choose). */
        @WithDefault("Owner Does")
        String ownerDoesField();

        @WithDefault("Status")
        String statusField();

        /** Status a new repository issue starts in (runbook: "add it to the Todo column"). */
        @WithDefault("Todo")
        String statusTodo();
    }

    /** Pacing of the GitHub write queue (GitHub's secondary limits: 80 content writes/min, 500/h). */
    interface GitHubWrites {
        /** Minimum gap between the end of one write of an installation and the start of the next. */
        @WithDefault("1s")
        Duration writeInterval();

        @WithDefault("80")
        int contentWritesPerMinute();

        @WithDefault("500")
        int contentWritesPerHour();

        /** Length of the "minute" window; shortened only by benchmarks that time-scale GitHub's limits. */
        @WithDefault("60s")
        Duration minuteWindow();

        /** Length of the "hour" window. */
        @WithDefault("1h")
        Duration hourWindow();

        /** Wait after a secondary-limit answer that names no time (GitHub: at least a minute). */
        @WithDefault("60s")
        Duration secondaryLimitDefaultWait();

        /** Attempts before a write that keeps failing transiently is marked failed. */
        @WithDefault("8")
        int maxAttempts();

        /** A claimed write whose worker vanished (crash) is retried after this lease. */
        @WithDefault("2m")
        Duration lease();

        /** How often the worker looks for due writes when nothing woke it. */
        @WithDefault("2s")
        Duration pollInterval();

        /** Run the write worker in this process (off only in tests that drive it by hand). */
        @WithDefault("true")
        boolean workerEnabled();

        /** First wait before retrying a write after a 5xx or a timeout; doubles on each further attempt. */
        @WithDefault("2s")
        Duration retryBackoff();

        /** Longest wait between two attempts (5xx backoff, and secondary-limit backoff when GitHub names no time). */
        @WithDefault("30m")
        Duration maxBackoff();

        /** TCP connect timeout for every GitHub call. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Whole-request timeout for every GitHub call; a write that times out is checked before it is repeated. */
        @WithDefault("30s")
        Duration requestTimeout();
    }

    interface Slack {
        /** Minimum gap between two posts to one channel (Slack: about one per second). */
        @WithDefault("1s")
        Duration channelPostInterval();

        /** Retries of a Web API call after 429 or a transient failure. */
        @WithDefault("5")
        int maxRetries();

        /** Largest request body accepted on /slack/events (larger: 413). */
        @WithDefault("262144")
        int maxBodyBytes();

        /** Threads that run work scheduled with AfterAck (GitHub calls, Slack posts after the ack). */
        @WithDefault("4")
        int afterAckThreads();

        /** Tasks that may wait for an AfterAck thread; beyond this a task is refused and logged. */
        @WithDefault("1000")
        int afterAckQueueSize();

        /** Timeout of one Web API call (views.open on a Slack request thread uses at most 2.5 s: trigger_id dies at 3 s). */
        @WithDefault("10s")
        Duration webApiTimeout();
    }

    interface Http {
        /**
         * Longest a request may take to arrive whole once its headers are in; a client still sending its body then
         * (slowloris) gets 408 and its connection is closed.
         */
        @WithDefault("10s")
        Duration bodyTimeout();
    }

    interface EndOfLife {
        /** Base URL; the bot calls {@code GET {api-url}/api/{product}.json}. */
        @WithDefault("https://endoflife.date")
        String apiUrl();

        /** Connect and response timeout: the modal shows "enter a date manually" rather than wait longer. */
        @WithDefault("5s")
        Duration timeout();

        /** How long a product's cycles are reused before asking again (the data changes a few times a year). */
        @WithDefault("1h")
        Duration cacheTtl();
    }

    /** Creating upgrade projects: {@code upgrade-bot.projects.*}. */
    interface Projects {
        /**
         * Release calendar for suggesting completion dates: {@code Name=YYYY-MM-DD} (branch-cut date) or
         * {@code Name=?YYYY-MM} (expected, cut date unpublished), comma-separated. Empty: the Open edX defaults.
         */
        Optional<String> releaseCalendar();

        /** Most repositories one project (or one search) may hold; a search finding more is refused. */
        @WithDefault("500")
        int maxRepositories();

        /** Least time between two edits of a project's progress message (Slack rate limits chat.update). */
        @WithDefault("3s")
        Duration progressInterval();
    }
}
