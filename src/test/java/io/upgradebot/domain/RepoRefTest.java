package io.upgradebot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoRefTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "openedx/edx-platform",
            "  openedx/edx-platform  ",
            "https://github.com/openedx/edx-platform",
            "https://github.com/openedx/edx-platform.git",
            "https://github.com/openedx/edx-platform/tree/master/lms",
            "http://www.github.com/openedx/edx-platform/",
            "github.com/openedx/edx-platform",
            "git@github.com:openedx/edx-platform.git",
            "https://github.com/openedx/edx-platform#readme"})
    void every_common_spelling_of_a_repository_parses(String text) {
        RepoRef ref = RepoRef.parse(text);
        assertEquals("openedx", ref.owner());
        assertEquals("edx-platform", ref.name());
        assertEquals("openedx/edx-platform", ref.fullName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "openedx", "foo bar", "a/b/c", "-org/repo", "org-/repo", "or--g/repo", "org/..",
            "org/re po", "org/repo!", "https://gitlab.com/org/repo", "org/"})
    void names_github_would_reject_are_refused(String text) {
        assertTrue(RepoRef.tryParse(text).isEmpty(), text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RepoRef.parse(text));
        assertTrue(e.getMessage().contains("is not org/repo"), e.getMessage());
    }

    @Test
    void owner_names_are_at_most_39_characters() {
        assertTrue(RepoRef.tryParse("a".repeat(39) + "/r").isPresent());
        assertTrue(RepoRef.tryParse("a".repeat(40) + "/r").isEmpty());
        assertTrue(RepoRef.tryParse("o/" + "r".repeat(100)).isPresent());
        assertTrue(RepoRef.tryParse("o/" + "r".repeat(101)).isEmpty());
    }

    @Test
    void github_names_are_case_insensitive_but_the_first_spelling_is_kept() {
        RepoRef a = RepoRef.parse("OpenEdx/Edx-Platform");
        RepoRef b = RepoRef.parse("openedx/edx-platform");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("OpenEdx/Edx-Platform", a.fullName());
        assertEquals("openedx/edx-platform", a.key());
        assertNotEquals(a, RepoRef.parse("openedx/edx-platform2"));
    }

    @Test
    void a_list_accepts_lines_commas_spaces_urls_and_comments_and_drops_duplicates() {
        RepoListParse parse = RepoListParser.parse("""
                # Django 5.2 scope
                openedx/edx-platform
                openedx/xblock, openedx/credentials   openedx/ecommerce

                https://github.com/openedx/frontend-app-learning.git   # the MFE
                OpenEdx/Edx-Platform
                """);
        assertEquals(List.of("openedx/edx-platform", "openedx/xblock", "openedx/credentials", "openedx/ecommerce",
                "openedx/frontend-app-learning"), parse.repos().stream().map(RepoRef::fullName).toList());
        assertFalse(parse.hasErrors());
    }

    @Test
    void every_bad_entry_is_reported_with_its_line_number() {
        RepoListParse parse = RepoListParser.parse("openedx/a\n\nfoo bar\nopenedx/b, nope, -bad/x\n");
        assertEquals(List.of("openedx/a", "openedx/b"), parse.repos().stream().map(RepoRef::fullName).toList());
        assertEquals(List.of("line 3: 'foo bar' is not org/repo", "line 4: 'nope' is not org/repo",
                "line 4: '-bad/x' is not org/repo"), parse.errors());
    }

    @Test
    void an_empty_field_is_an_empty_list() {
        assertEquals(new RepoListParse(List.of(), List.of()), RepoListParser.parse("  \n# nothing\n"));
        assertEquals(new RepoListParse(List.of(), List.of()), RepoListParser.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"org:openedx topic:django", "org:openedx filename:requirements.in django",
            "user:jane language:python", "topic:xblock", "org:openedx -archived:true"})
    void github_search_syntax_is_recognised(String text) {
        assertTrue(RepoListParser.looksLikeSearch(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openedx/edx-platform", "https://github.com/openedx/a\nhttps://github.com/openedx/b",
            "git@github.com:openedx/a.git", "django"})
    void lists_and_urls_are_not_searches(String text) {
        assertFalse(RepoListParser.looksLikeSearch(text));
    }

    @Test
    void a_search_inside_files_uses_code_search_and_the_rest_repository_search() {
        assertEquals(SearchKind.CODE, RepoListParser.searchKind("org:openedx filename:requirements.in django"));
        assertEquals(SearchKind.CODE, RepoListParser.searchKind("org:openedx path:requirements/ Django==4.2"));
        assertEquals(SearchKind.CODE, RepoListParser.searchKind("org:openedx extension:txt django"));
        assertEquals(SearchKind.REPOSITORIES, RepoListParser.searchKind("org:openedx topic:django"));
        assertEquals(SearchKind.REPOSITORIES, RepoListParser.searchKind("org:openedx language:python django"));
    }
}
