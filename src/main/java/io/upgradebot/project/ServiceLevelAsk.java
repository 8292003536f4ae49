package io.upgradebot.project;

/**
 * The runbook's "Clarify Distribution of Work" announcement for a project, as the scheduled "ask" moment posts it
 * (port owned by project/; the Owner Does feature's {@code /upgrade ask} implements it). Called after the firing
 * has been claimed, so it runs once per firing.
 */
public interface ServiceLevelAsk {

    /**
     * Posts the request to choose a level for every repository in the project channel, carrying
     * {@code deliveryKey} (see {@link AnnouncementPoster#findPosted}); {@code note} (may be null) goes with it.
     * Answers the ts.
     */
    String post(long projectId, String note, String deliveryKey);
}
