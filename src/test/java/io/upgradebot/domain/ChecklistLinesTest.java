package io.upgradebot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChecklistLinesTest {

    private static final String BODY = """
            Intro by a person.

            - [ ] Select an orchestration team
            - [x] Deploy all of the updated services
            * [ ] Mark the roadmap issue for the upgrade as complete
            - [ ] Select an orchestration team, and say why (a person's own line)
            """;

    @Test
    void onlyTheCheckboxCharacterOfAFoundLineChanges() {
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        wanted.put("Select an orchestration team", true);
        wanted.put("Deploy all of the updated services", false);
        ChecklistLines.Result r = ChecklistLines.set(BODY, wanted);
        assertEquals(BODY.replace("- [ ] Select an orchestration team\n", "- [x] Select an orchestration team\n")
                .replace("- [x] Deploy", "- [ ] Deploy"), r.body());
        assertTrue(r.changed());
        assertEquals(List.of(), r.missing());
    }

    @Test
    void aLineAlreadyAsWantedChangesNothingAndAMissingLineIsReportedNotAdded() {
        ChecklistLines.Result r = ChecklistLines.set(BODY, Map.of("Deploy all of the updated services", true,
                "Create a new view in the Maintenance project board", true));
        assertEquals(BODY, r.body());
        assertFalse(r.changed());
        assertEquals(List.of("Create a new view in the Maintenance project board"), r.missing());
        assertEquals(Optional.empty(),
                ChecklistLines.state("no checklist at all", "Deploy all of the updated services"));
        assertEquals(Optional.of(true), ChecklistLines.state(BODY, "Deploy all of the updated services"));
    }

    @Test
    void untickIsTheCounterpartOfTick() {
        RunbookChecklist checklist = RunbookChecklist.load();
        String rendered = checklist.render(Set.of());
        String ticked = checklist.tick(rendered, Set.of(RunbookChecklist.SEND_ANNOUNCEMENT));
        assertEquals(Set.of(RunbookChecklist.SEND_ANNOUNCEMENT), checklist.tickedIn(ticked));
        assertEquals(rendered, checklist.untick(ticked, Set.of(RunbookChecklist.SEND_ANNOUNCEMENT)));
        assertEquals(checklist.items().size(), checklist.presentIn(rendered).size());
        assertEquals(Set.of(), checklist.presentIn("reworded everything"));
    }
}
