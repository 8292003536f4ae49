package io.upgradebot.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Short, stable, URL- and command-friendly names: {@code /upgrade status django-5-2}, hidden markers, the
 * board's "Project" option. Lower-case ASCII letters and digits separated by single dashes, at most 60 chars.
 */
public final class Slug {

    public static final int MAX_LENGTH = 60;

    private Slug() {
    }

    /** "Django 5.2" -> "django-5-2", "Réact 19 / Node" -> "react-19-node"; "project" when nothing is left. */
    public static String of(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "project" : slug;
    }

    /**
     * The slug of {@code base} if free, else {@code base-2}, {@code base-3}… (still within {@link #MAX_LENGTH}).
     *
     * @param taken true for slugs already in use
     */
    public static String unique(String base, Predicate<String> taken) {
        String slug = of(base);
        if (!taken.test(slug)) {
            return slug;
        }
        for (int n = 2;; n++) {
            String suffix = "-" + n;
            String head = slug.length() + suffix.length() > MAX_LENGTH
                    ? slug.substring(0, MAX_LENGTH - suffix.length()).replaceAll("-+$", "")
                    : slug;
            String candidate = head + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }
}
