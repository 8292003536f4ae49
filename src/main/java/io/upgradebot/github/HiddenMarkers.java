package io.upgradebot.github;

/**
 * The hidden HTML comment a created issue or comment carries, so that a write which may have reached GitHub before a
 * crash is found instead of being repeated.
 */
public final class HiddenMarkers {
    private HiddenMarkers() {
    }

    /** The marker to search for: the given one (wrapped in an HTML comment when bare), or one derived from the key. */
    public static String effective(String marker, String key) {
        if (marker == null || marker.isBlank()) {
            return "<!-- upgrade-bot:write:" + safe(key) + " -->";
        }
        String m = marker.strip();
        return m.startsWith("<!--") ? m : "<!-- " + safe(m) + " -->";
    }

    /** The body, with the marker appended when it does not already contain it. */
    public static String ensureIn(String body, String marker) {
        String text = body == null ? "" : body;
        if (text.contains(marker)) {
            return text;
        }
        String trimmed = text.stripTrailing();
        return (trimmed.isEmpty() ? "" : trimmed + "\n\n") + marker;
    }

    // "--" would end the HTML comment early and show the rest of the marker to readers
    private static String safe(String text) {
        return text.replace("--", "-").replace(">", "");
    }
}
