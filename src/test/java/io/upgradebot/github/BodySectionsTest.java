package io.upgradebot.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BodySectionsTest {

    @Test
    void replacesOnlyItsOwnSectionAndKeepsWhatPeopleWroteAroundIt() {
        String body = "Intro by a person\n\n" + BodySections.section("repos", "- [ ] a") + "\n\nNotes by a person\n"
                + BodySections.section("other", "untouched");
        String updated = BodySections.replace(body, "repos", "- [x] a\n- [ ] b");
        assertEquals("Intro by a person\n\n" + BodySections.section("repos", "- [x] a\n- [ ] b")
                + "\n\nNotes by a person\n" + BodySections.section("other", "untouched"), updated);
    }

    @Test
    void appendsTheSectionWhenTheBodyHasNone() {
        assertEquals("Hello\n\n" + BodySections.section("repos", "x"), BodySections.replace("Hello\n", "repos", "x"));
        assertEquals(BodySections.section("repos", "x"), BodySections.replace(null, "repos", "x"));
    }

    @Test
    void aSectionWhoseEndMarkerAPersonDeletedIsAppendedAgainRatherThanEatingTheRest() {
        String body = "A\n" + BodySections.start("repos") + "\nold\nB by a person";
        String updated = BodySections.replace(body, "repos", "new");
        assertEquals(body + "\n\n" + BodySections.section("repos", "new"), updated);
    }

    @Test
    void hiddenMarkersAreHtmlCommentsAndAreAddedOnce() {
        String marker = HiddenMarkers.effective(null, "project:1:repo:o/r");
        assertEquals("<!-- upgrade-bot:write:project:1:repo:o/r -->", marker);
        assertEquals("<!-- upgrade-bot:x -->", HiddenMarkers.effective("upgrade-bot:x", "k"));
        assertEquals("<!-- a-b -->", HiddenMarkers.effective("a--b", "k"));
        String body = HiddenMarkers.ensureIn("Body", marker);
        assertEquals("Body\n\n" + marker, body);
        assertEquals(body, HiddenMarkers.ensureIn(body, marker));
    }
}
