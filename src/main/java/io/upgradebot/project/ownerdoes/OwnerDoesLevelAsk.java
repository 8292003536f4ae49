package io.upgradebot.project.ownerdoes;

import io.upgradebot.project.AnnouncementPoster;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The runbook's "Clarify Distribution of Work" announcement as the scheduled "ask" moment posts it: the same
 * announcement as {@code /upgrade ask} (owners resolved first, teams mentioned, the choose button); a note written
 * for the moment goes in its thread. Called after the firing has been claimed, so it runs once per firing.
 */
@ApplicationScoped
public class OwnerDoesLevelAsk {

    private final AskOwnersToChoose ask;
    private final AnnouncementPoster poster;

    public OwnerDoesLevelAsk(AskOwnersToChoose ask, AnnouncementPoster poster) {
        this.ask = ask;
        this.poster = poster;
    }

    /**
     * Posts the request to choose a level for every repository in the project channel, carrying
     * {@code deliveryKey} (see {@link AnnouncementPoster#findPosted}); {@code note} (may be null) goes with it.
     * Answers the ts.
     */
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
