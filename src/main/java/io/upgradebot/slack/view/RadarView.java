package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.block.LayoutBlock;
import io.upgradebot.project.creation.DateSuggestion;
import io.upgradebot.project.radar.Radar;
import io.upgradebot.project.radar.RadarRow;
import io.upgradebot.slack.ActionIds;
import java.io.IOException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The upgrade radar in Slack: the {@code /upgrade radar} table (one section per dependency, most urgent first), the
 * scheduled post (one section per dependency crossing the horizon, with a "Start a project" button), and that button's
 * value, which carries what the new-project form is filled with (Slack: at most 2000 characters).
 */
public final class RadarView {

    /** Slack's limit on a button value. */
    public static final int BUTTON_VALUE_MAX = 2000;
    static final int MESSAGE_BLOCKS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RadarView() {
    }

    /** What the "Start a project" button carries: the new-project form's initial values. */
    public record Prefill(String name, String product, String currentVersion, String targetVersion, LocalDate date,
            String release, String reason) {

        public static Prefill of(RadarRow row) {
            return new Prefill(row.suggestedProjectName(), row.product(), row.cycle(), row.targetVersion(),
                    row.completionDate(), row.release(), row.reason());
        }

        /** Compact JSON within Slack's 2000 characters: the reason is shortened when the rest leaves less room. */
        public String toValue() {
            ObjectNode n = JSON.createObjectNode();
            n.put("n", Mrkdwn.truncate(name, 200));
            n.put("p", Mrkdwn.truncate(product, 100));
            n.put("f", Mrkdwn.truncate(currentVersion, 60));
            if (targetVersion != null) {
                n.put("t", Mrkdwn.truncate(targetVersion, 60));
            }
            if (date != null) {
                n.put("d", date.toString());
            }
            if (release != null) {
                n.put("r", Mrkdwn.truncate(release, 100));
            }
            String without = n.toString();
            if (reason != null) {
                // JSON escaping can grow the text: shorten until it fits
                int room = BUTTON_VALUE_MAX - without.length() - 10;
                String r = Mrkdwn.truncate(reason, Math.max(0, room));
                n.put("w", r);
                while (n.toString().length() > BUTTON_VALUE_MAX && !r.isEmpty()) {
                    r = Mrkdwn.truncate(r, r.length() - 20);
                    n.put("w", r);
                }
            }
            return n.toString();
        }

        /** Reads a button value back; {@link IllegalArgumentException} when it is not one of ours. */
        public static Prefill fromValue(String value) {
            JsonNode n;
            try {
                n = value == null ? null : JSON.readTree(value);
            } catch (IOException e) {
                throw new IllegalArgumentException("not a radar button value");
            }
            if (n == null || !n.isObject() || !n.hasNonNull("n") || !n.hasNonNull("p")) {
                throw new IllegalArgumentException("not a radar button value");
            }
            return new Prefill(n.get("n").asText(), n.get("p").asText(), text(n, "f"), text(n, "t"),
                    n.hasNonNull("d") ? LocalDate.parse(n.get("d").asText()) : null, text(n, "r"), text(n, "w"));
        }

        /** The suggestion the form shows (and a submission that keeps the date relies on), or null without a date. */
        public DateSuggestion suggestion() {
            return date == null && release == null
                    ? null
                    : new DateSuggestion(date, release, reason, date == null, null);
        }

        private static String text(JsonNode n, String field) {
            return n.hasNonNull(field) ? n.get(field).asText() : null;
        }
    }

    // ------------------------------------------------------------------------------------------ /upgrade radar

    public static final String NOT_CONFIGURED = ":satellite_antenna: *No dependencies are on the radar yet.* "
            + "The operator lists them with `UPGRADE_BOT_RADAR_PRODUCTS` (`upgrade-bot.radar.products`): "
            + "`product=version` pairs as endoflife.date names the products, e.g. "
            + "`django=4.2, python=3.11, nodejs=20, ubuntu=22.04`. Meanwhile `/upgrade new` suggests a completion date "
            + "for any dependency you name.";

    /** The fallback text of the table (notifications, screen readers). */
    public static String text(Radar radar) {
        return radar.configured()
                ? "Upgrade radar: " + radar.rows().size() + " dependencies, most urgent first"
                : NOT_CONFIGURED;
    }

    /** The table: a heading, one section per dependency (most urgent first), at most 50 blocks. */
    public static List<LayoutBlock> table(Radar radar) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!radar.configured()) {
            blocks.add(section(s -> s.text(markdownText(NOT_CONFIGURED))));
            return blocks;
        }
        blocks.add(section(s -> s.text(markdownText(":satellite_antenna: *Upgrade radar* — end of support of the "
                + "versions in use (endoflife.date) and the completion date the runbook suggests (the last release "
                + "branch cut before it), most urgent first."))));
        List<RadarRow> rows = radar.rows();
        int room = MESSAGE_BLOCKS - blocks.size() - 1;
        for (int i = 0; i < rows.size(); i++) {
            if (i == room && rows.size() > room + 1) {
                int more = rows.size() - i;
                blocks.add(context(c -> c.elements(List.of(markdownText("…and " + more + " more dependencies: "
                        + "Slack shows 50 blocks per message.")))));
                break;
            }
            String line = line(rows.get(i), radar.today());
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(line, Mrkdwn.SECTION_MAX)))));
        }
        return blocks;
    }

    /** One dependency: name, end of support and days left, suggested date, project. */
    static String line(RadarRow r, LocalDate today) {
        StringBuilder t = new StringBuilder("*").append(Mrkdwn.escape(r.displayName())).append("* (`")
                .append(Mrkdwn.escape(r.product())).append('=').append(Mrkdwn.escape(r.version())).append("`)\n");
        switch (r.outcome()) {
            case UNKNOWN_PRODUCT -> t.append(":grey_question: endoflife.date does not know the product `")
                    .append(Mrkdwn.escape(r.product()))
                    .append("`: check its spelling on endoflife.date (e.g. `nodejs`, not `node`).");
            case UNKNOWN_VERSION -> t.append(":grey_question: endoflife.date has no cycle `")
                    .append(Mrkdwn.escape(r.version())).append("` of ").append(Mrkdwn.escape(r.product()))
                    .append(": check the version in use.");
            case UNAVAILABLE -> t.append(":warning: endoflife.date did not answer for this one; try again later.");
            case FOUND -> found(t, r, today);
        }
        return t.toString();
    }

    private static void found(StringBuilder t, RadarRow r, LocalDate today) {
        if (r.endOfSupport() != null) {
            long days = r.daysLeft();
            t.append(days < 0 ? ":red_circle:" : days <= 365 ? ":large_orange_circle:" : ":large_green_circle:")
                    .append(" Support ").append(days < 0 ? "ended " : "ends ").append(r.endOfSupport()).append(" — *")
                    .append(days < 0 ? -days + " days ago" : days + (days == 1 ? " day left" : " days left"))
                    .append('*');
        } else if (r.ended()) {
            t.append(":red_circle: Support has ended");
        } else {
            t.append(":white_circle: No end of support announced");
        }
        if (r.completionDate() != null) {
            t.append(" · complete by *").append(r.completionDate()).append('*');
            if (r.release() != null) {
                t.append(" (").append(Mrkdwn.escape(r.release())).append(')');
            }
        } else if (r.release() != null) {
            t.append(" · target release ").append(Mrkdwn.escape(r.release())).append(" (no cut date yet)");
        }
        if (r.targetVersion() != null) {
            t.append(" · upgrade to ").append(Mrkdwn.escape(r.targetVersion()));
        }
        t.append('\n');
        if (r.project() != null) {
            t.append(":white_check_mark: Project: *").append(Mrkdwn.escape(r.project().name()))
                    .append("* (`/upgrade status ")
                    .append(Mrkdwn.escape(r.project().slug())).append("`)");
        } else {
            t.append(":heavy_minus_sign: No upgrade project yet");
        }
    }

    // ------------------------------------------------------------------------------------------ scheduled post

    /** The fallback text of the scheduled post. */
    public static String alertText(List<RadarRow> rows, Period horizon) {
        return "Upgrade radar: " + rows.size() + (rows.size() == 1 ? " dependency needs" : " dependencies need")
                + " an upgrade project within " + describe(horizon);
    }

    /** The scheduled post: a heading and one section per dependency with a "Start a project" button. */
    public static List<LayoutBlock> alert(List<RadarRow> rows, Period horizon, LocalDate today) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(":satellite_antenna: *Upgrade radar:* support for "
                + (rows.size() == 1 ? "this dependency ends" : "these dependencies ends") + " within "
                + describe(horizon) + " and no upgrade project exists yet. The runbook: create the roadmap issue as "
                + "soon as the need is known."))));
        for (RadarRow r : rows.subList(0, Math.min(rows.size(), MESSAGE_BLOCKS - 1))) {
            String line = line(r, today);
            String value = Prefill.of(r).toValue();
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(line, Mrkdwn.SECTION_MAX)))
                    .accessory(button(b -> b.actionId(ActionIds.RADAR_NEW_PROJECT.id()).value(value)
                            .text(plainText("Start a project"))))));
        }
        return blocks;
    }

    /** "12 months", "1 year and 6 months", "90 days". */
    static String describe(Period p) {
        List<String> parts = new ArrayList<>();
        if (p.getYears() != 0) {
            parts.add(p.getYears() + (p.getYears() == 1 ? " year" : " years"));
        }
        if (p.getMonths() != 0) {
            parts.add(p.getMonths() + (p.getMonths() == 1 ? " month" : " months"));
        }
        if (p.getDays() != 0 || parts.isEmpty()) {
            parts.add(p.getDays() + (p.getDays() == 1 ? " day" : " days"));
        }
        return String.join(" and ", parts);
    }
}
