package io.upgradebot.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The support window of the version currently in use: what the person named (endoflife.date product slug and
 * cycle) and what endoflife.date knows about it (empty when the product or cycle is unknown or the lookup
 * failed).
 */
public record SupportWindow(String product, String cycle, Optional<SupportCycle> support) {

    /** Products whose name is not just the capitalised slug. */
    private static final Map<String, String> DISPLAY = Map.ofEntries(
            Map.entry("nodejs", "Node.js"), Map.entry("mongodb", "MongoDB"), Map.entry("mysql", "MySQL"),
            Map.entry("postgresql", "PostgreSQL"), Map.entry("mariadb", "MariaDB"), Map.entry("redis", "Redis"),
            Map.entry("elasticsearch", "Elasticsearch"), Map.entry("opensearch", "OpenSearch"),
            Map.entry("ubuntu", "Ubuntu"), Map.entry("typescript", "TypeScript"),
            Map.entry("angularjs", "AngularJS"), Map.entry("nextjs", "Next.js"), Map.entry("vue", "Vue"));

    public SupportWindow {
        product = product == null ? "" : product.strip();
        cycle = cycle == null ? "" : cycle.strip();
        support = support == null ? Optional.empty() : support;
    }

    public static SupportWindow unknown(String product, String cycle) {
        return new SupportWindow(product, cycle, Optional.empty());
    }

    /** "Django 4.2", "Node.js 18": how the reason sentence names the version in use. */
    public String displayName() {
        String p = DISPLAY.getOrDefault(product.toLowerCase(Locale.ROOT),
                product.isEmpty() ? "The dependency" : Character.toUpperCase(product.charAt(0)) + product.substring(1));
        return cycle.isEmpty() ? p : p + " " + cycle;
    }
}
