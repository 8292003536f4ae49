package io.upgradebot.slack.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Text helpers for Block Kit: escaping, links, Slack's own limits (section text 3000, button 75, title 24). */
public final class Mrkdwn {

    /** Slack: section / context text at most 3000 characters. */
    public static final int SECTION_MAX = 3000;
    /** Slack: button text at most 75 characters. */
    public static final int BUTTON_MAX = 75;
    /** Slack: modal title, submit and close at most 24 characters. */
    public static final int MODAL_TITLE_MAX = 24;

    private Mrkdwn() {
    }

    /** Slack asks for &, <, > to be escaped in mrkdwn, or they are read as links and mentions. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String link(String url, String label) {
        if (url == null || url.isBlank()) {
            return escape(label);
        }
        return "<" + url.replace("|", "%7C").replace(">", "%3E") + "|" + escape(label).replace("|", "¦") + ">";
    }

    public static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** A time shown in each reader's own time zone ({@code <!date^…>}), with a UTC fallback for old clients. */
    public static String time(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{time}|" + at.toString().substring(11, 16) + " UTC>";
    }

    /**
     * Lines packed into as few texts of at most {@code max} characters as possible, never more than
     * {@code maxChunks}; what does not fit ends with "…and N more" so a list never breaks a Slack limit.
     */
    public static List<String> chunks(List<String> lines, int max, int maxChunks) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = truncate(lines.get(i), max - 40);
            boolean last = out.size() + 1 == maxChunks;
            // the last chunk keeps room for its "…and N more"
            if (current.length() + line.length() + 1 > (last ? max - 30 : max)) {
                if (last) {
                    current.append("\n…and ").append(lines.size() - i).append(" more");
                    out.add(current.toString());
                    return out;
                }
                out.add(current.toString());
                current = new StringBuilder();
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(line);
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }
}
