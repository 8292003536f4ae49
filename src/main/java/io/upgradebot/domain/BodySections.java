package io.upgradebot.domain;

import java.util.Optional;

/**
 * Bot-owned parts of an issue body, between {@code <!-- upgrade-bot:section:NAME:start -->} and
 * {@code <!-- upgrade-bot:section:NAME:end -->}. The bot rewrites only what is between its markers, so people
 * can edit the rest of the issue freely (read, merge, write: human edits are never overwritten).
 *
 * <p>If a person deleted the end marker, the section runs to the end of the body: everything after the start
 * marker was the bot's when it last wrote. If the start marker is gone, the section is appended again.
 */
public final class BodySections {

    private BodySections() {
    }

    public static String start(String section) {
        return "<!-- upgrade-bot:section:" + section + ":start -->";
    }

    public static String end(String section) {
        return "<!-- upgrade-bot:section:" + section + ":end -->";
    }

    /** The section with its markers, as inserted into a new body. */
    public static String wrap(String section, String content) {
        return start(section) + "\n" + strip(content) + "\n" + end(section);
    }

    /**
     * The body with the section's content replaced; everything outside the markers is kept byte for byte. When the
     * section is absent it is appended after a blank line.
     */
    public static String replace(String body, String section, String content) {
        String b = body == null ? "" : body;
        String start = start(section);
        String end = end(section);
        int s = b.indexOf(start);
        if (s < 0) {
            String sep = b.isEmpty() ? "" : b.endsWith("\n\n") ? "" : b.endsWith("\n") ? "\n" : "\n\n";
            return b + sep + wrap(section, content) + "\n";
        }
        int e = b.indexOf(end, s + start.length());
        String after = e < 0 ? "" : b.substring(e + end.length());
        return b.substring(0, s) + wrap(section, content) + after;
    }

    /** The section's content, without markers and the newlines next to them. */
    public static Optional<String> read(String body, String section) {
        if (body == null) {
            return Optional.empty();
        }
        String start = start(section);
        int s = body.indexOf(start);
        if (s < 0) {
            return Optional.empty();
        }
        int from = s + start.length();
        int e = body.indexOf(end(section), from);
        String inner = body.substring(from, e < 0 ? body.length() : e);
        return Optional.of(strip(inner));
    }

    /** Length of the body without this section's content: what the content must fit beside. */
    public static int lengthOutside(String body, String section) {
        String b = body == null ? "" : body;
        return replace(b, section, "").length();
    }

    private static String strip(String content) {
        String c = content == null ? "" : content;
        if (c.startsWith("\r\n")) {
            c = c.substring(2);
        } else if (c.startsWith("\n")) {
            c = c.substring(1);
        }
        if (c.endsWith("\r\n")) {
            c = c.substring(0, c.length() - 2);
        } else if (c.endsWith("\n")) {
            c = c.substring(0, c.length() - 1);
        }
        return c;
    }
}
