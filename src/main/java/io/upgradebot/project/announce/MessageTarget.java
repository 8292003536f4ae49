package io.upgradebot.project.announce;

/** Where a scheduled message goes. THREAD is the project's status message thread (the channel when it has none). */
public enum MessageTarget {
    CHANNEL, THREAD
}
