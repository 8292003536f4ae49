package io.upgradebot.slack.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.announce.MessageTarget;
import io.upgradebot.project.announce.ScheduledMessages;
import io.upgradebot.support.BlockKitLimits;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every view and message of the schedule feature stays inside Slack's Block Kit limits, at 500 repositories too. */
class ScheduleViewsTest {

    @Test
    void aNudgeOrReminderListingFiveHundredRepositoriesFitsOneMessage() {
        String text = ":wave: These upgrade issues have had no activity for a while:\n" + IntStream.range(0, 500)
                .mapToObj(i -> "• <https://github.com/acme/repository-with-a-long-name-" + i
                        + "/issues/1|acme/repository-"
                        + i
                        + ">: no activity for 23 days · next: create the PRs (owning team at _Owner does everything_)")
                .collect(Collectors.joining("\n"));
        List<AnnouncementPoster.Button> buttons = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            buttons.add(AnnouncementPoster.Button.link(
                    "A button with a rather long label that goes on and on and on and on " + i,
                    "https://example.com/" + i));
        }
        List<LayoutBlock> blocks = PostBlocks.blocks(new AnnouncementPoster.Post(text, buttons));

        BlockKitLimits.assertMessage(blocks);
        String shown = blocks.stream().filter(b -> b instanceof SectionBlock)
                .map(b -> ((SectionBlock) b).getText().getText())
                .collect(Collectors.joining("\n"));
        assertTrue(shown.contains("acme/repository-0>") && shown.contains("acme/repository-499>"),
                "all 500 are listed");
        assertTrue(PostBlocks.fallback(new AnnouncementPoster.Post(text, buttons)).length() <= 300);

        List<LayoutBlock> twice = PostBlocks.blocks(new AnnouncementPoster.Post(text + "\n" + text, buttons));
        BlockKitLimits.assertMessage(twice);
        assertEquals(50, twice.size(), "sections up to the limit, a note about what was cut, the buttons");
        assertTrue(((SectionBlock) twice.get(48)).getText().getText().contains("too long"));
    }

    @Test
    void theComposeModalWithEveryFieldAndItsPreviewFit() {
        var edit = AnnounceModal.compose("Django 5.2 — the project with a very long name that Slack must not mind",
                new AnnounceModal.Meta(12, "C1", 34L, "DEADLINE_REMINDER"),
                new AnnounceModal.Values("x".repeat(3000), MessageTarget.THREAD, "before", LocalDate.of(2026, 4, 16),
                        LocalTime.of(9, 30), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "0 0 9 ? * MON", 7),
                false);
        BlockKitLimits.assertModal(edit);
        BlockKitLimits.assertModal(AnnounceModal.compose("Django 5.2", new AnnounceModal.Meta(12, "C1", null, null),
                AnnounceModal.Values.blank(), true));
        BlockKitLimits.assertModal(AnnounceModal.preview(new AnnounceModal.PreviewMeta(1, 12, "C1", null), "<#C1>",
                "Every Mon at 09:00 (Europe/Berlin)", AnnouncementPoster.Post.of("y\n".repeat(1500)), false));
    }

    @Test
    void theScheduleListOfFortyMessagesFits() {
        List<ScheduledMessages.Listed> listed = new ArrayList<>();
        for (long i = 0; i < 40; i++) {
            ScheduledMessages.Message m = new ScheduledMessages.Message(i, 12, i % 2 == 0 ? "ANNOUNCEMENT" : "DIGEST",
                    "z".repeat(4000), "CHANNEL", Instant.parse("2026-04-01T08:00:00Z"),
                    i % 2 == 0 ? "0 0 9 ? * MON,THU" : null, "Europe/Berlin",
                    i < 35 ? io.upgradebot.domain.MessageState.ACTIVE : io.upgradebot.domain.MessageState.DONE, null);
            ScheduledMessages.Delivery d = new ScheduledMessages.Delivery(io.upgradebot.domain.DeliveryState.FAILED,
                    null, "e".repeat(2000), 0);
            listed.add(new ScheduledMessages.Listed(m, Optional.of(Instant.parse("2026-04-06T07:00:00Z")),
                    Optional.of(d)));
        }
        List<LayoutBlock> blocks = ScheduleList.render("Django 5.2", "django-5-2", listed, ZoneId.of("Europe/Berlin"),
                "t0k3n");

        BlockKitLimits.assertMessage(blocks);
        assertTrue(blocks.size() <= 50);
    }
}
