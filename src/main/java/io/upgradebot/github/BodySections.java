package io.upgradebot.github;

/**
 * The parts of an issue body the bot owns, between {@code <!-- upgrade-bot:section:NAME:start -->} and
 * {@code <!-- upgrade-bot:section:NAME:end -->}. Everything outside them belongs to people and is kept as it is.
 */
public final class BodySections {
    private BodySections() {
    }

    public static String start(String name) {
        return "<!-- upgrade-bot:section:" + name + ":start -->";
    }

    public static String end(String name) {
        return "<!-- upgrade-bot:section:" + name + ":end -->";
    }

    /** {@code content} wrapped in the section's markers, to put in a new issue's body. */
    public static String section(String name, String content) {
        return start(name) + "\n" + content + "\n" + end(name);
    }

    /** The body with the section's content replaced, or the section appended when the body has none. */
    public static String replace(String body, String name, String content) {
        String text = body == null ? "" : body;
        String start = start(name);
        String end = end(name);
        int s = text.indexOf(start);
        int e = s < 0 ? -1 : text.indexOf(end, s + start.length());
        if (s < 0 || e < 0) {
            String trimmed = text.stripTrailing();
            return (trimmed.isEmpty() ? "" : trimmed + "\n\n") + section(name, content);
        }
        return text.substring(0, s) + section(name, content) + text.substring(e + end.length());
    }
}
