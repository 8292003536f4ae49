package io.upgradebot.slack.view;

import io.upgradebot.project.AnnouncementPoster;

/** The direct message telling a scheduled message's author that it could not be posted, and where to see it. */
public final class ScheduleFailureText {

    private ScheduleFailureText() {
    }

    public static String mrkdwn(AnnouncementPoster.NotPosted n) {
        String what = n.kindLabel() + (n.projectName() == null ? "" : " for *" + Mrkdwn.escape(n.projectName()) + "*");
        String list = n.projectSlug() == null ? "" : " (`/upgrade schedule " + n.projectSlug() + "` lists it)";
        return ":warning: Your scheduled " + what + " could not be posted: " + Mrkdwn.escape(n.error()) + "." + list;
    }
}
