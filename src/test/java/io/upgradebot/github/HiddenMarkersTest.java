package io.upgradebot.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upgradebot.domain.Markers;
import io.upgradebot.domain.RepoRef;
import org.junit.jupiter.api.Test;

class HiddenMarkersTest {

    @Test
    void aWriteWithoutMarkerGetsOneFromItsKeyThatTheDomainRecognisesAsTheBots() {
        String marker = HiddenMarkers.effective(null, "project:1:repo:o/r");
        assertEquals("<!-- upgrade-bot:write:project:1:repo:o/r -->", marker);
        assertTrue(Markers.isBotAuthored(marker));
    }

    @Test
    void aDomainMarkerIsUsedAsIsAndABareOneIsWrappedSafely() {
        String domain = Markers.repoIssue("django-5-2", RepoRef.parse("openedx/edx-platform"));
        assertEquals(domain, HiddenMarkers.effective(domain, "k"));
        assertEquals("<!-- upgrade-bot:x -->", HiddenMarkers.effective("upgrade-bot:x", "k"));
        assertEquals("<!-- a-b -->", HiddenMarkers.effective("a--b", "k"), "-- would end the HTML comment early");
    }

    @Test
    void theMarkerIsAddedToTheBodyOnce() {
        String marker = HiddenMarkers.effective(null, "k");
        String body = HiddenMarkers.ensureIn("Body\n", marker);
        assertEquals("Body\n\n" + marker, body);
        assertEquals(body, HiddenMarkers.ensureIn(body, marker));
    }
}
