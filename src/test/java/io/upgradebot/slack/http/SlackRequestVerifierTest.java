package io.upgradebot.slack.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.upgradebot.slack.http.SlackRequestVerifier.Verdict;
import io.upgradebot.support.SlackSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Slack's v0 signing rules, with Slack's documented example (api.slack.com "Verifying requests from Slack"). */
class SlackRequestVerifierTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TS = "1531420618";
    static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String SLACK_EXAMPLE_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    static SlackRequestVerifier at(long epochSecond) {
        return new SlackRequestVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void slacksOwnExampleVerifies() {
        assertEquals(Verdict.VALID, at(Long.parseLong(TS) + 10).verify(TS, SLACK_EXAMPLE_SIGNATURE, BODY));
    }

    @Test
    void oneChangedCharacterFails() {
        assertEquals(Verdict.BAD_SIGNATURE, at(Long.parseLong(TS)).verify(TS, SLACK_EXAMPLE_SIGNATURE, BODY + "x"));
        assertEquals(Verdict.BAD_SIGNATURE,
                at(Long.parseLong(TS)).verify(TS, SLACK_EXAMPLE_SIGNATURE.replace('a', 'b'), BODY));
    }

    @Test
    void timestampsMoreThanFiveMinutesAwayFailInBothDirections() {
        long ts = Long.parseLong(TS);
        assertEquals(Verdict.STALE_TIMESTAMP, at(ts + 301).verify(TS, SLACK_EXAMPLE_SIGNATURE, BODY));
        assertEquals(Verdict.STALE_TIMESTAMP, at(ts - 301).verify(TS, SLACK_EXAMPLE_SIGNATURE, BODY));
        assertEquals(Verdict.VALID, at(ts + 299).verify(TS, SLACK_EXAMPLE_SIGNATURE, BODY));
        assertEquals(Verdict.STALE_TIMESTAMP, at(ts).verify("yesterday", SLACK_EXAMPLE_SIGNATURE, BODY));
    }

    @Test
    void missingHeadersFail() {
        assertEquals(Verdict.MISSING_HEADERS, at(Long.parseLong(TS)).verify(null, SLACK_EXAMPLE_SIGNATURE, BODY));
        assertEquals(Verdict.MISSING_HEADERS, at(Long.parseLong(TS)).verify(TS, null, BODY));
        assertEquals(Verdict.MISSING_HEADERS, at(Long.parseLong(TS)).verify(TS, "", BODY));
    }

    @Test
    void withoutASigningSecretEverythingIsRefused() {
        SlackRequestVerifier unconfigured = new SlackRequestVerifier((String) null, Clock.systemUTC());
        String now = SlackSigner.now();
        assertFalse(unconfigured.configured());
        assertEquals(Verdict.NO_SIGNING_SECRET,
                unconfigured.verify(now, SlackSigner.sign(SECRET, now, BODY), BODY));
    }

    @Test
    void nonAsciiBodiesVerify() {
        String body = "{\"type\":\"event_callback\",\"event\":{\"text\":\"Grüße, 世界 :tada:\"}}";
        String now = SlackSigner.now();
        assertEquals(Verdict.VALID, new SlackRequestVerifier(SECRET, Clock.systemUTC())
                .verify(now, SlackSigner.sign(SECRET, now, body), body));
    }
}
