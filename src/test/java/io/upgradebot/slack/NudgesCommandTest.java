package io.upgradebot.slack;

import static io.upgradebot.support.ScheduleSeeds.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.store.UpgradeProjectEntity;
import io.upgradebot.support.Fakes;
import io.upgradebot.support.SlackCalls;
import io.upgradebot.support.SlackSigner;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /upgrade nudges}: anyone sees the rule, orchestrators change a project's stale threshold. */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class NudgesCommandTest {

    UpgradeProjectEntity p;

    @BeforeEach
    void setUp() {
        Fakes.reset();
        p = project("Nudge settings " + System.nanoTime(), "C0NUDGESET", null, LocalDate.now().plusDays(60), "U0ORCH");
    }

    /** The answer, which comes through the response_url after the ack. */
    String command(String text, String user) {
        String trigger = "1334." + UUID.randomUUID();
        SlackSigner.postForm(SlackSigner.command(text, user, "C0NUDGESET", trigger)).statusCode(200);
        return SlackCalls.responseTo(trigger);
    }

    Integer staleAfterDays() {
        return QuarkusTransaction.requiringNew()
                .call(() -> UpgradeProjectEntity.<UpgradeProjectEntity>findById(p.id).staleAfterDays);
    }

    @Test
    void showsTheRuleAndOrchestratorsChangeTheThreshold() {
        String shown = command("nudges " + p.slug, "U0SOMEONE");
        assertTrue(shown.contains("14 days") && shown.contains("(the default)") && shown.contains("09:00"), shown);

        String refused = command("nudges " + p.slug + " 21", "U0SOMEONE");
        assertTrue(refused.contains("Only orchestrators"), refused);
        assertNull(staleAfterDays());

        String set = command("nudges " + p.slug + " 21", "U0ORCH");
        assertTrue(set.contains("21 days"), set);
        assertEquals(21, staleAfterDays());

        assertTrue(command("nudges " + p.slug + " off", "U0ORCH").contains("*off*"));
        assertEquals(0, staleAfterDays());
        assertTrue(command("nudges " + p.slug + " 0", "U0ORCH").contains("between 1 and 365"));
        command("nudges " + p.slug + " on", "U0ORCH");
        assertNull(staleAfterDays());
    }
}
