package io.upgradebot.project;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The scheduled "ask" moment posts the same announcement as {@code /upgrade ask} (owners resolved first, teams
 * mentioned, the choose button); a note written for the moment goes in its thread.
 */
@ApplicationScoped
public class AskOwnersServiceLevelAsk implements ServiceLevelAsk {

    private final AskOwnersToChoose ask;
    private final AnnouncementPoster poster;

    public AskOwnersServiceLevelAsk(AskOwnersToChoose ask, AnnouncementPoster poster) {
        this.ask = ask;
        this.poster = poster;
    }

    @Override
    public String post(long projectId, String note, String deliveryKey) {
        AskOwnersToChoose.Asked asked = ask.ask(projectId, deliveryKey);
        if (note != null && !note.isBlank() && asked.ts() != null) {
            try {
                poster.post(asked.channelId(), asked.ts(), AnnouncementPoster.Post.of(note.strip()));
            } catch (RuntimeException e) {
                // the request itself is out; a lost note must not make it count as failed and be posted again
            }
        }
        return asked.ts();
    }
}
