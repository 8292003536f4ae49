package io.upgradebot.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A link to a Projects (v2) board filtered to one value of a field. GitHub's API cannot create or save a board view
 * (runbook: "Create a new view … that filters down to only the issues in this upgrade project"), but a view's URL
 * takes a {@code filterQuery}: the link opens the board filtered, and a person saves it as a view in two clicks.
 *
 * <p>Filter syntax as GitHub's board search box writes it: the field's name lower-cased with spaces as hyphens,
 * a colon, and the value in double quotes ({@code project:"Django 5.2"}).
 */
public final class BoardViewLink {

    private BoardViewLink() {
    }

    /** {@code boardUrl} is the board's web URL ({@code https://github.com/orgs/ORG/projects/N}). */
    public static String filtered(String boardUrl, String field, String value) {
        String name = field.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        // a double quote cannot be escaped inside a filter value
        String query = name + ":\"" + value.replace("\"", "") + "\"";
        return boardUrl + "/views/1?filterQuery="
                + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
