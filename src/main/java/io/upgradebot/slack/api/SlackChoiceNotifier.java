package io.upgradebot.slack.api;

import io.upgradebot.project.ChoiceNotifier;
import io.upgradebot.slack.view.OwnerDoesMessages;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link ChoiceNotifier} over the Slack Web API, with the messages of {@link OwnerDoesMessages}. */
@ApplicationScoped
public class SlackChoiceNotifier implements ChoiceNotifier {

    private final SlackGateway slack;

    public SlackChoiceNotifier(SlackGateway slack) {
        this.slack = slack;
    }

    @Override
    public String announce(Announcement announcement) {
        return announce(announcement, null);
    }

    @Override
    public String announce(Announcement announcement, String deliveryKey) {
        return slack.postMessage(announcement.channelId(), null, OwnerDoesMessages.announcementText(announcement),
                OwnerDoesMessages.announcement(announcement), deliveryKey);
    }

    @Override
    public void choiceRecorded(ChoiceDetail detail) {
        slack.postMessage(detail.channelId(), detail.threadTs(), OwnerDoesMessages.choiceText(detail),
                OwnerDoesMessages.choice(detail));
    }
}
