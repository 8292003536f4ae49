package io.upgradebot.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ticking and unticking task lines of a live issue body, found by their text. Only the one checkbox character of a
 * found line changes; every other character of the body (a person's edits, other sections) stays as it is. A line a
 * person reworded or removed is not found, and nothing else is ever rewritten in its place.
 */
public final class ChecklistLines {

    private ChecklistLines() {
    }

    /**
     * The body with each line set as wanted ({@code text → ticked}), and the texts whose line could not be found.
     *
     * @param body    the body as read (null is empty)
     * @param changed whether {@code body} differs from the one given
     */
    public record Result(String body, boolean changed, List<String> missing) {
    }

    public static Result set(String body, Map<String, Boolean> wanted) {
        String result = body == null ? "" : body;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Boolean> e : wanted.entrySet()) {
            Matcher m = line(e.getKey()).matcher(result);
            if (!m.find()) {
                missing.add(e.getKey());
                continue;
            }
            String box = e.getValue() ? "x" : " ";
            boolean ticked = !m.group(2).equals(" ");
            if (ticked != e.getValue()) {
                result = result.substring(0, m.start(2)) + box + result.substring(m.end(2));
            }
        }
        String before = body == null ? "" : body;
        return new Result(result, !result.equals(before), List.copyOf(missing));
    }

    /** Whether the task line with this text is ticked; empty when the body has no such line. */
    public static Optional<Boolean> state(String body, String text) {
        Matcher m = line(text).matcher(body == null ? "" : body);
        return m.find() ? Optional.of(!m.group(2).equals(" ")) : Optional.empty();
    }

    private static Pattern line(String text) {
        return Pattern.compile("(?m)^(\\s*[-*] \\[)([ xX])(\\] " + Pattern.quote(text) + "[ \\t]*)$");
    }
}
