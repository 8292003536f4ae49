package io.upgradebot.github;

import java.util.Optional;

/**
 * A process that dies mid write, for tests outside this package: it claims the next write, sends it to GitHub and
 * vanishes before recording anything (its lease is left to expire, as after a kill -9).
 */
public final class CrashMidWrite {

    private CrashMidWrite() {
    }

    /** The key of the write that reached GitHub unrecorded, or empty when no write could be claimed right now. */
    public static Optional<String> reachGitHubThenDie(ClaimNextWrite runner) {
        Optional<ClaimNextWrite.Claim> claim = runner.claim();
        claim.ifPresent(runner::execute);
        return claim.map(ClaimNextWrite.Claim::key);
    }
}
