package io.upgradebot.project.announce;

import io.upgradebot.project.AnnouncementPoster;
import java.util.function.Function;

/** What a firing of a scheduled message amounts to, decided when it fires. */
public sealed interface Composition {

    /** Post this. */
    record Send(String channel, String threadTs, AnnouncementPoster.Post post) implements Composition {
    }

    /**
     * Another service posts (the service-level request) in {@code channel}; the function posts with the delivery
     * key it is given and answers the message ts.
     */
    record Delegate(String channel, Function<String, String> post) implements Composition {
    }

    /**
     * Nothing to say this time (no repository left at TBD, a newer reminder is due, the project is closed).
     * {@code finished}: the message has nothing more to do ever and stops.
     */
    record Skip(String reason, boolean finished) implements Composition {
    }
}
