package io.upgradebot.slack.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestSubcommandTest {

    static final List<String> NAMES = List.of("help", "new", "status", "owner", "schedule");

    @Test
    void typosFindTheIntendedSubcommand() {
        assertEquals(Optional.of("status"), ClosestSubcommand.to("stauts", NAMES), "swapped letters");
        assertEquals(Optional.of("status"), ClosestSubcommand.to("statsu", NAMES));
        assertEquals(Optional.of("help"), ClosestSubcommand.to("hlep", NAMES));
        assertEquals(Optional.of("schedule"), ClosestSubcommand.to("shedule", NAMES), "missing letter");
        assertEquals(Optional.of("new"), ClosestSubcommand.to("NEW1", NAMES), "case and an extra letter");
    }

    @Test
    void aPrefixFindsTheFullName() {
        assertEquals(Optional.of("schedule"), ClosestSubcommand.to("sched", NAMES));
        assertEquals(Optional.of("owner"), ClosestSubcommand.to("ow", NAMES));
    }

    @Test
    void nothingIsSuggestedForUnrelatedWords() {
        assertEquals(Optional.empty(), ClosestSubcommand.to("deploy", NAMES));
        assertEquals(Optional.empty(), ClosestSubcommand.to("xyzzy", NAMES));
        assertEquals(Optional.empty(), ClosestSubcommand.to("anything", List.of()));
    }

    @Test
    void distanceCountsAnAdjacentSwapAsOneEdit() {
        assertEquals(1, ClosestSubcommand.distance("ab", "ba"));
        assertEquals(3, ClosestSubcommand.distance("kitten", "sitting"));
        assertEquals(0, ClosestSubcommand.distance("new", "new"));
    }
}
