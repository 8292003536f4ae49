package io.upgradebot.project;

import io.upgradebot.store.ProcessedRequests;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * "Has this request been seen before?" for the adapters that receive Slack requests and GitHub deliveries: the first
 * caller of a key claims it, every repeat (a retry, a replay, a redelivery) is told so, on any replica. A port over
 * the processed-requests table so that the adapters do not reach into the store.
 */
@ApplicationScoped
public class RequestClaims {

    /** Longer ids are refused before any claim: no Slack or GitHub id comes anywhere near this long. */
    public static final int MAX_ID_LENGTH = ProcessedRequests.MAX_ID_LENGTH;

    private final ProcessedRequests processed;

    public RequestClaims(ProcessedRequests processed) {
        this.processed = processed;
    }

    /** True for the first claim of {@code key}, false for every repeat. */
    public boolean claim(String key, String kind) {
        return processed.markFirstSeen(key, kind);
    }

    /** Gives a claim back (its work failed before it was done), so that a retry runs it. */
    public void release(String key) {
        processed.forget(key);
    }
}
