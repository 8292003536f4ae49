package io.upgradebot.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The dependencies an organisation runs and the version of each in use, as configured for the radar
 * ({@code django=4.2, python=3.11, nodejs=20}): product names as endoflife.date spells them. The runbook's first
 * step ("Identify the Need Early") starts from this list.
 */
public record RadarProducts(List<Entry> entries) {

    /** endoflife.date product ids: lower case letters, digits, '.', '-' and '_'. */
    private static final Pattern PRODUCT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern VERSION = Pattern.compile("v?[0-9A-Za-z][0-9A-Za-z._-]{0,59}");

    /** One product and the version in use ("django", "4.2"). */
    public record Entry(String product, String version) {
    }

    public RadarProducts {
        entries = List.copyOf(entries);
    }

    public static RadarProducts none() {
        return new RadarProducts(List.of());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Reads {@code product=version} pairs separated by commas, semicolons or new lines; blank text is an empty list.
     *
     * @throws IllegalArgumentException naming every entry that is not {@code product=version}, and products named
     *                                  twice
     */
    public static RadarProducts parse(String text) {
        if (text == null || text.isBlank()) {
            return none();
        }
        Map<String, Entry> byProduct = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String raw : text.split("[,;\\n]")) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq < 0) {
                problems.add("'" + item + "' has no '=' (write product=version, e.g. django=4.2)");
                continue;
            }
            String product = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String version = item.substring(eq + 1).strip();
            if (!PRODUCT.matcher(product).matches()) {
                problems.add("'" + item + "': '" + product + "' is not an endoflife.date product name (e.g. nodejs)");
            } else if (!VERSION.matcher(version).matches()) {
                problems.add("'" + item + "': '" + version + "' is not a version (e.g. 4.2)");
            } else if (byProduct.containsKey(product)) {
                problems.add("'" + product + "' is listed twice");
            } else {
                byProduct.put(product, new Entry(product, version));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new RadarProducts(List.copyOf(byProduct.values()));
    }
}
