package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.numberInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.upgradebot.project.AnnouncementPoster;
import io.upgradebot.project.announce.MessageKind;
import io.upgradebot.project.announce.MessageTarget;
import io.upgradebot.slack.CallbackIds;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The announcement modal (compose, then a pushed preview whose Back returns to the filled-in form) and the parsing
 * of what was typed. Its state in private_metadata is a few ids only (Slack: 3000 characters); the draft text lives
 * in the database.
 */
public final class AnnounceModal {

    public static final String MESSAGE = "msg";
    public static final String TARGET = "target";
    public static final String WHEN = "when";
    public static final String DATE = "date";
    public static final String TIME = "time";
    public static final String DAYS = "days";
    public static final String CRON = "cron";
    public static final String BEFORE = "before";

    public static final int MESSAGE_MAX = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnnounceModal() {
    }

    /** What the compose view carries: the project, the channel the command came from, the message being edited. */
    public record Meta(long projectId, String channelId, Long editOf, String kind) {
    }

    /** What the preview carries. */
    public record PreviewMeta(long draftId, long projectId, String channelId, Long editOf) {
    }

    /** Initial values (all nullable). {@code when}: now, at, weekly, cron or before. */
    public record Values(String text, MessageTarget target, String when, LocalDate date, LocalTime time,
            Set<DayOfWeek> days, String cron, Integer daysBefore) {
        public static Values blank() {
            return new Values(null, MessageTarget.CHANNEL, "now", null, null, Set.of(), null, null);
        }
    }

    public static View compose(String projectName, Meta meta, Values v, boolean hasStatusThread) {
        MessageKind kind = meta.kind() == null ? MessageKind.ANNOUNCEMENT : MessageKind.valueOf(meta.kind());
        boolean builtIn = kind.composed();
        boolean edit = meta.editOf() != null;
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(markdownText("*" + Mrkdwn.escape(projectName) + "*"
                + (builtIn
                        ? " · " + kind.label() + ": the bot writes the figures when it fires; add a note if you like."
                        : "")
                + " · Dates and times are in your Slack time zone.")))));
        String text = v.text();
        blocks.add(input(i -> i.blockId(MESSAGE).optional(builtIn)
                .label(plainText(builtIn ? "Note (optional)" : "Message"))
                .hint(plainText(
                        "Slack formatting: *bold*, _italic_, <https://example.com|links>, <!subteam^ID> mentions. "
                                + "A preview comes next."))
                .element(plainTextInput(e -> {
                    e.actionId(MESSAGE).multiline(true).maxLength(MESSAGE_MAX);
                    if (text != null) {
                        e.initialValue(text);
                    }
                    return e;
                }))));
        List<OptionObject> targets = new ArrayList<>(
                List.of(option(plainText("The project channel"), MessageTarget.CHANNEL.name())));
        targets.add(option(
                plainText(hasStatusThread
                        ? "The status message's thread"
                        : "The status message's thread (the channel until it exists)"),
                MessageTarget.THREAD.name()));
        OptionObject initialTarget = v.target() == MessageTarget.THREAD ? targets.get(1) : targets.get(0);
        blocks.add(input(i -> i.blockId(TARGET).label(plainText("Post in"))
                .element(radioButtons(r -> r.actionId(TARGET).options(targets).initialOption(initialTarget)))));
        List<OptionObject> whens = new ArrayList<>();
        if (!edit) {
            whens.add(option(plainText("Now"), "now"));
        }
        whens.add(option(plainText("At a date and time"), "at"));
        whens.add(option(plainText("Weekly on chosen days"), "weekly"));
        whens.add(option(plainText("Cron expression"), "cron"));
        if (v.daysBefore() != null) {
            whens.add(option(plainText("Days before the completion date"), "before"));
        }
        OptionObject initialWhen = whens.stream().filter(o -> o.getValue().equals(v.when())).findFirst()
                .orElse(whens.get(0));
        blocks.add(input(i -> i.blockId(WHEN).label(plainText("When"))
                .element(radioButtons(r -> r.actionId(WHEN).options(whens).initialOption(initialWhen)))));
        blocks.add(input(i -> i.blockId(DATE).optional(true).label(plainText("Date (for \"at\")"))
                .element(datePicker(d -> {
                    d.actionId(DATE);
                    if (v.date() != null) {
                        d.initialDate(v.date().toString());
                    }
                    return d;
                }))));
        blocks.add(input(
                i -> i.blockId(TIME).optional(true).label(plainText("Time (for \"at\", \"weekly\" and days before)"))
                        .element(timePicker(t -> {
                            t.actionId(TIME);
                            if (v.time() != null) {
                                t.initialTime(v.time().toString());
                            }
                            return t;
                        }))));
        List<OptionObject> dayOptions = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            dayOptions.add(option(plainText(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)), d.name()));
        }
        List<OptionObject> initialDays = dayOptions.stream()
                .filter(o -> v.days() != null && v.days().contains(DayOfWeek.valueOf(o.getValue()))).toList();
        blocks.add(input(i -> i.blockId(DAYS).optional(true).label(plainText("Days (for \"weekly\")"))
                .element(checkboxes(c -> {
                    c.actionId(DAYS).options(dayOptions);
                    if (!initialDays.isEmpty()) {
                        c.initialOptions(initialDays);
                    }
                    return c;
                }))));
        String cron = v.cron();
        blocks.add(input(i -> i.blockId(CRON).optional(true).label(plainText("Cron (for \"cron\")"))
                .hint(plainText("Quartz (0 0 9 ? * MON) or Unix (0 9 * * 1), in your time zone."))
                .element(plainTextInput(e -> {
                    e.actionId(CRON).maxLength(120);
                    if (cron != null) {
                        e.initialValue(cron);
                    }
                    return e;
                }))));
        if (v.daysBefore() != null) {
            blocks.add(input(i -> i.blockId(BEFORE).optional(true).label(plainText("Days before the completion date"))
                    .element(numberInput(n -> n.actionId(BEFORE).decimalAllowed(false).minValue("0").maxValue("365")
                            .initialValue(String.valueOf(v.daysBefore()))))));
        }
        return view(x -> x.type("modal").callbackId(CallbackIds.ANNOUNCE_COMPOSE.id())
                .title(viewTitle(t -> t.type("plain_text").text(edit ? "Edit scheduled post" : "Announce")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Preview")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .privateMetadata(write(meta))
                .blocks(blocks));
    }

    /** The modal with just a message (refusal, unknown project), replacing the loading modal. */
    public static View notice(String title, String mrkdwn) {
        String text = mrkdwn.length() > 2900 ? mrkdwn.substring(0, 2899) + "…" : mrkdwn;
        return view(x -> x.type("modal").callbackId(CallbackIds.ANNOUNCE_COMPOSE.id())
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(text))))));
    }

    /** The pushed preview: the message as it will look, where and when. */
    public static View preview(PreviewMeta meta, String where, String when, AnnouncementPoster.Post post, boolean now) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(markdownText("This is how it will look in " + where + ":")))));
        blocks.add(divider());
        List<LayoutBlock> body = PostBlocks.blocks(post);
        blocks.addAll(body.size() > 90 ? body.subList(0, 90) : body);
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText("*When:* " + when))));
        return view(x -> x.type("modal").callbackId(CallbackIds.ANNOUNCE_PREVIEW.id())
                .title(viewTitle(t -> t.type("plain_text").text("Preview")))
                .submit(viewSubmit(s -> s.type("plain_text").text(now ? "Post now" : "Schedule")))
                .close(viewClose(c -> c.type("plain_text").text("Back")))
                .privateMetadata(write(meta))
                .blocks(blocks));
    }

    /** What was typed; fields left empty are null. */
    public record Form(String text, MessageTarget target, String when, LocalDate date, LocalTime time,
            Set<DayOfWeek> days, String cron, Integer daysBefore) {
    }

    public static Form parse(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null
                ? Map.of()
                : state.getValues();
        Optional<ViewState.Value> msg = value(values, MESSAGE);
        Optional<ViewState.Value> target = value(values, TARGET);
        Optional<ViewState.Value> when = value(values, WHEN);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        value(values, DAYS).map(ViewState.Value::getSelectedOptions).ifPresent(list -> list
                .forEach(o -> days.add(DayOfWeek.valueOf(o.getValue()))));
        Integer before = value(values, BEFORE).map(ViewState.Value::getValue).filter(s -> !s.isBlank())
                .map(s -> Integer.valueOf(s.trim())).orElse(null);
        return new Form(
                msg.map(ViewState.Value::getValue).orElse(null),
                target.map(ViewState.Value::getSelectedOption).map(o -> MessageTarget.valueOf(o.getValue()))
                        .orElse(MessageTarget.CHANNEL),
                when.map(ViewState.Value::getSelectedOption).map(ViewState.SelectedOption::getValue).orElse("now"),
                value(values, DATE).map(ViewState.Value::getSelectedDate).map(LocalDate::parse).orElse(null),
                value(values, TIME).map(ViewState.Value::getSelectedTime).map(LocalTime::parse).orElse(null),
                days,
                value(values, CRON).map(ViewState.Value::getValue).filter(s -> !s.isBlank()).orElse(null),
                before);
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String id) {
        return Optional.ofNullable(values.get(id)).map(m -> m.get(id));
    }

    public static Meta meta(String privateMetadata) {
        return read(privateMetadata, Meta.class);
    }

    public static PreviewMeta previewMeta(String privateMetadata) {
        return read(privateMetadata, PreviewMeta.class);
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String s, Class<T> type) {
        try {
            return JSON.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("private_metadata is not ours: " + e.getOriginalMessage());
        }
    }
}
