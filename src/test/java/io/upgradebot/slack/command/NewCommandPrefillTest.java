package io.upgradebot.slack.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What `/upgrade new …` text fills into the form. */
class NewCommandPrefillTest {

    @Test
    void fromTo() {
        var r = NewCommand.prefill("django 4.2 -> 5.2", "openedx/platform-roadmap", "C1");
        assertEquals("Django 5.2", r.name());
        assertEquals("django", r.product());
        assertEquals("4.2", r.currentVersion());
        assertEquals("5.2", r.targetVersion());
        assertEquals("openedx/platform-roadmap", r.roadmapRepo());
        assertEquals("C1", r.channelId());
        assertEquals("18", NewCommand.prefill("nodejs from v18 to 22", null, "C1").currentVersion());
    }

    @Test
    void nameOnly() {
        var r = NewCommand.prefill("Django 5.2", null, "C1");
        assertEquals("Django 5.2", r.name());
        assertEquals("django", r.product());
        assertNull(r.currentVersion());
        var free = NewCommand.prefill("Frontend platform spring cleanup", null, "C1");
        assertEquals("Frontend platform spring cleanup", free.name());
        assertNull(free.product());
        assertNull(NewCommand.prefill("", null, "C1").name());
    }
}
