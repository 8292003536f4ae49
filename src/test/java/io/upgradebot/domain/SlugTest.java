package io.upgradebot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugTest {

    @Test
    void a_project_name_becomes_a_lower_case_ascii_dashed_slug() {
        assertEquals("django-5-2", Slug.of("Django 5.2"));
        assertEquals("react-19-node-js", Slug.of("  Réact 19 / Node.js!! "));
        assertEquals("python-3-12", Slug.of("Python 3.12"));
        assertEquals("project", Slug.of("🎉"));
    }

    @Test
    void slugs_are_at_most_60_characters_and_never_end_with_a_dash() {
        String slug = Slug.of("x".repeat(59) + " yz");
        assertEquals("x".repeat(59), slug);
        assertTrue(Slug.of("a ".repeat(100)).length() <= Slug.MAX_LENGTH);
    }

    @Test
    void a_taken_slug_gets_the_next_free_number() {
        assertEquals("django-5-2", Slug.unique("Django 5.2", s -> false));
        assertEquals("django-5-2-3", Slug.unique("Django 5.2", Set.of("django-5-2", "django-5-2-2")::contains));
        String longSlug = Slug.unique("y".repeat(80), Set.of("y".repeat(60))::contains);
        assertEquals("y".repeat(58) + "-2", longSlug);
    }
}
