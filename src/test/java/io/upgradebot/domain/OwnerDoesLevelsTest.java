package io.upgradebot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnerDoesLevelsTest {

    final OwnerDoesLevels levels = OwnerDoesLevels.defaults();

    @Test
    void the_board_options_are_tbd_then_the_six_open_edx_levels_exactly() {
        assertEquals(List.of("TBD", "Owner does everything", "Owner reviews, merges, deploys, and monitors",
                "Owner reviews and merges", "Owner deploys and monitors", "Owner reviews", "Owner offers advice"),
                levels.labels());
        assertTrue(levels.tbd().isTbd());
        assertEquals(6, levels.choosable().size());
        assertFalse(levels.choosable().stream().anyMatch(OwnerDoesLevel::isTbd));
    }

    @Test
    void each_level_explains_who_does_what_as_the_service_levels_table_says() {
        assertEquals("Owning team: create PRs, review, merge, deploy, monitor · Orchestration team: plan & automate",
                explain("owner-does-everything"));
        assertEquals("Owning team: review, merge, deploy, monitor · Orchestration team: plan & automate, create PRs",
                explain("owner-reviews-merges-deploys-and-monitors"));
        assertEquals("Owning team: review, merge · Orchestration team: plan & automate, create PRs",
                explain("owner-reviews-and-merges"));
        assertEquals("Owning team: deploy, monitor · Orchestration team: plan & automate, create PRs, review, merge"
                + " (with notice)", explain("owner-deploys-and-monitors"));
        assertEquals("Owning team: review · Orchestration team: plan & automate, create PRs, merge",
                explain("owner-reviews"));
        assertEquals("Owning team: nothing · Orchestration team: plan & automate, create PRs, review, merge",
                explain("owner-offers-advice"));
    }

    private String explain(String key) {
        return levels.explain(levels.byKey(key).orElseThrow());
    }

    @Test
    void levels_are_found_by_key_or_board_label_ignoring_case() {
        assertEquals("owner-reviews-and-merges", levels.byLabel("owner REVIEWS and merges ").orElseThrow().key());
        assertEquals("TBD", levels.byKey("tbd").orElseThrow().label());
        assertTrue(levels.byKey("nope").isEmpty());
        assertTrue(levels.byLabel(null).isEmpty());
    }

    @Test
    void by_default_the_orchestration_team_does_every_step_the_owner_does_not() {
        OwnerDoesLevel level = new OwnerDoesLevel("x", "X", EnumSet.of(Step.REVIEW, Step.MERGE));
        assertEquals(EnumSet.of(Step.PLAN_AND_AUTOMATE, Step.CREATE_PRS, Step.DEPLOY, Step.MONITOR),
                level.orchestratorSteps());
        assertTrue(level.ownerDoes(Step.REVIEW));
        assertFalse(level.ownerDoes(Step.DEPLOY));
    }

    @Test
    void the_legacy_four_levels_split_the_steps_from_hands_off_to_diy() {
        OwnerDoesLevels legacy = OwnerDoesLevels.legacyFourLevels();
        assertEquals(List.of("TBD", "Hands-off", "Trust but verify", "Review everything", "DIY"), legacy.labels());
        assertEquals("Owning team: nothing · Orchestration team: plan & automate, create PRs, review, merge, deploy,"
                + " monitor", legacy.explain(legacy.byLabel("hands-off").orElseThrow()));
        assertEquals(EnumSet.of(Step.PLAN_AND_AUTOMATE), legacy.byKey("diy").orElseThrow().orchestratorSteps());
    }

    @Test
    void a_deployment_configures_its_own_levels_and_tbd_comes_first() {
        OwnerDoesLevels custom = OwnerDoesLevels.parse("""
                |Hands-off|
                diy|Do it yourself|create-prs, review,merge,deploy,monitor|plan
                watch|Watch|monitor|plan,create-prs|(after a heads-up)
                """);
        assertEquals(List.of("TBD", "Hands-off", "Do it yourself", "Watch"), custom.labels());
        assertEquals("hands-off", custom.choosable().get(0).key());
        assertEquals(EnumSet.allOf(Step.class), custom.byKey("hands-off").orElseThrow().orchestratorSteps());
        assertEquals("Owning team: monitor · Orchestration team: plan & automate, create PRs (after a heads-up)",
                custom.byKey("watch").orElseThrow().explain());
        assertEquals(custom, OwnerDoesLevels.parse(custom.format()));
        assertEquals(levels, OwnerDoesLevels.parse(levels.format()));
    }

    @Test
    void bad_level_config_names_the_entry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OwnerDoesLevels.parse("a|A|review,cook"));
        assertTrue(e.getMessage().contains("'cook' is not a step"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OwnerDoesLevels.parse("a|A"));
        assertThrows(IllegalArgumentException.class, () -> OwnerDoesLevels.parse("a|A|;b|a|"));
        assertThrows(IllegalArgumentException.class, () -> OwnerDoesLevels.parse("TBD|TBD|"));
        assertThrows(IllegalArgumentException.class, () -> new OwnerDoesLevels(List.of()));
    }

    @Test
    void tbd_explains_that_nothing_is_chosen_yet() {
        assertEquals(Set.of(), levels.tbd().ownerSteps());
        assertTrue(levels.tbd().explain().startsWith("Not chosen yet"));
    }
}
