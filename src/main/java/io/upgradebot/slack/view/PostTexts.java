package io.upgradebot.slack.view;

import io.upgradebot.project.PostContent;

/** The mrkdwn of a post: a person's text as it is, the bot's own messages worded by their view. */
public final class PostTexts {

    private PostTexts() {
    }

    public static String mrkdwn(PostContent content) {
        if (content instanceof PostContent.Text t) {
            return t.mrkdwn();
        }
        if (content instanceof PostContent.StaleNudge n) {
            return NudgeTexts.mrkdwn(n);
        }
        if (content instanceof PostContent.TbdReminder r) {
            return MomentTexts.tbdReminder(r);
        }
        if (content instanceof PostContent.DeadlineReminder r) {
            return MomentTexts.deadlineReminder(r);
        }
        if (content instanceof PostContent.WeeklyDigest d) {
            return MomentTexts.digest(d);
        }
        if (content instanceof PostContent.AtRisk r) {
            return MomentTexts.atRisk(r);
        }
        throw new IllegalArgumentException("no words for " + content.getClass().getSimpleName());
    }
}
