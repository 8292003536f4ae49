package io.upgradebot.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code spec.owner} from a Backstage {@code catalog-info.yaml}.
 *
 * <p>A deliberately small reader rather than a YAML library (the domain layer has no dependencies): it handles
 * what catalog files contain in practice: several documents separated by {@code ---}, block mappings, comments,
 * quoted values, and the flow form {@code spec: {owner: team}}. The Component document wins over others (a file
 * may also declare its API or System); the first document with an owner otherwise.
 *
 * <p>The owner is an entity reference {@code [kind:][namespace/]name}; the bot keeps the name, with the namespace
 * only when it is not {@code default}: {@code group:default/arch-bom} -> {@code arch-bom},
 * {@code group:edx/arch-bom} -> {@code edx/arch-bom}, {@code user:jane} -> {@code jane}.
 */
public final class CatalogInfo {

    private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_.-]+)\\s*:(?:\\s+(.*)|\\s*)$");
    private static final Pattern FLOW_OWNER = Pattern.compile("[{,]\\s*owner\\s*:\\s*([^,}]+)");

    private CatalogInfo() {
    }

    public static Optional<String> owner(String yaml) {
        Optional<String> fallback = Optional.empty();
        for (String doc : (yaml == null ? "" : yaml).split("(?m)^(?:---|\\.\\.\\.)[^\\n]*$")) {
            Optional<String> owner = specOwner(doc);
            if (owner.isEmpty()) {
                continue;
            }
            if ("component".equalsIgnoreCase(topLevel(doc, "kind").orElse(""))) {
                return owner;
            }
            if (fallback.isEmpty()) {
                fallback = owner;
            }
        }
        return fallback;
    }

    private static Optional<String> topLevel(String doc, String key) {
        for (String line : doc.split("\\R")) {
            Matcher m = KEY.matcher(stripComment(line));
            if (m.matches() && m.group(1).isEmpty() && m.group(2).equals(key) && m.group(3) != null) {
                return Optional.of(unquote(m.group(3)));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> specOwner(String doc) {
        List<String> lines = new ArrayList<>(List.of(doc.split("\\R")));
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = KEY.matcher(stripComment(lines.get(i)));
            if (!m.matches() || !m.group(1).isEmpty() || !m.group(2).equals("spec")) {
                continue;
            }
            if (m.group(3) != null && m.group(3).strip().startsWith("{")) {
                Matcher flow = FLOW_OWNER.matcher(m.group(3));
                return flow.find() ? normalise(unquote(flow.group(1))) : Optional.empty();
            }
            Integer childIndent = null;
            for (int j = i + 1; j < lines.size(); j++) {
                String line = stripComment(lines.get(j));
                if (line.isBlank()) {
                    continue;
                }
                int indent = line.length() - line.stripLeading().length();
                if (indent == 0) {
                    break;
                }
                if (childIndent == null) {
                    childIndent = indent;
                }
                Matcher child = KEY.matcher(line);
                if (indent == childIndent && child.matches() && child.group(2).equals("owner")
                        && child.group(3) != null) {
                    return normalise(unquote(child.group(3)));
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> normalise(String ref) {
        String r = ref.strip();
        int colon = r.indexOf(':');
        if (colon >= 0) {
            r = r.substring(colon + 1);
        }
        if (r.regionMatches(true, 0, "default/", 0, 8)) {
            r = r.substring(8);
        }
        return r.isBlank() ? Optional.empty() : Optional.of(r);
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String stripComment(String line) {
        // A comment starts at '#' at the line start or after whitespace, outside quotes.
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i).stripTrailing();
            }
        }
        return line.stripTrailing();
    }
}
