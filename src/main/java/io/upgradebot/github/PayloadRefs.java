package io.upgradebot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${ref:KEY#field}} in a write's payload: the {@code field} of the result of the write whose idempotency key is
 * KEY, filled in when the write runs (a repository issue's number is only known once GitHub created it). The optional
 * {@code after} array of keys orders writes without taking a value from them.
 */
public final class PayloadRefs {
    static final Pattern REF = Pattern.compile("\\$\\{ref:([^#}]+)#([^}]+)}");
    public static final String AFTER = "after";

    private PayloadRefs() {
    }

    /** A reference to {@code field} of the result of the write with key {@code key}. */
    public static String ref(String key, String field) {
        return "${ref:" + key + "#" + field + "}";
    }

    /** Every key this payload waits for (references and {@code after}), in order of appearance. */
    public static Set<String> keys(JsonNode payload) {
        Set<String> keys = new LinkedHashSet<>();
        collect(payload, keys);
        for (JsonNode after : payload.path(AFTER)) {
            keys.add(after.asText());
        }
        return keys;
    }

    private static void collect(JsonNode node, Set<String> keys) {
        if (node.isTextual()) {
            Matcher m = REF.matcher(node.asText());
            while (m.find()) {
                keys.add(m.group(1));
            }
        } else if (node.isContainerNode()) {
            for (JsonNode child : node) {
                collect(child, keys);
            }
        }
    }

    /**
     * A copy with every reference replaced. A string that is exactly one reference takes the result's value as is
     * (a number stays a number); a reference inside longer text is replaced by the value's text.
     */
    public static JsonNode resolve(JsonNode payload, Function<String, JsonNode> resultOf) {
        return substitute(payload.deepCopy(), resultOf);
    }

    private static JsonNode substitute(JsonNode node, Function<String, JsonNode> resultOf) {
        if (node.isTextual()) {
            String text = node.asText();
            Matcher whole = REF.matcher(text);
            if (whole.matches()) {
                return value(whole.group(1), whole.group(2), resultOf);
            }
            Matcher m = REF.matcher(text);
            StringBuilder out = new StringBuilder();
            boolean any = false;
            while (m.find()) {
                any = true;
                m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), m.group(2), resultOf).asText()));
            }
            if (!any) {
                return node;
            }
            m.appendTail(out);
            return TextNode.valueOf(out.toString());
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(substitute(field.getValue(), resultOf));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), resultOf));
            }
        }
        return node;
    }

    private static JsonNode value(String key, String field, Function<String, JsonNode> resultOf) {
        JsonNode result = resultOf.apply(key);
        JsonNode value = result == null ? null : result.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new IllegalArgumentException("write " + key + " has no result field \"" + field + "\"");
        }
        return value;
    }
}
