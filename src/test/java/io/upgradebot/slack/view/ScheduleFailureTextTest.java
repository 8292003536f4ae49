package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upgradebot.project.AnnouncementPoster;
import org.junit.jupiter.api.Test;

class ScheduleFailureTextTest {

    @Test
    void theAuthorIsToldWhatFailedWhyAndWhereTheScheduleIsListed() {
        assertEquals(":warning: Your scheduled Announcement for *Django 5* could not be posted: channel_not_found."
                + " (`/upgrade schedule django-5` lists it)",
                ScheduleFailureText.mrkdwn(new AnnouncementPoster.NotPosted("U1", "Announcement", "Django 5",
                        "django-5", "channel_not_found")));
    }

    @Test
    void aMessageOfNoProjectNamesNoProjectAndNamesAreEscaped() {
        assertEquals(":warning: Your scheduled Weekly digest could not be posted: a &lt;b&gt;.",
                ScheduleFailureText.mrkdwn(new AnnouncementPoster.NotPosted("U1", "Weekly digest", null, null,
                        "a <b>")));
    }
}
