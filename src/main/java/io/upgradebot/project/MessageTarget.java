package io.upgradebot.project;

/** Where a scheduled message goes. THREAD is the project's status message thread (the channel when it has none). */
public enum MessageTarget {
    CHANNEL,
    THREAD
}
