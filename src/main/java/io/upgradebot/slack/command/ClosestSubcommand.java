package io.upgradebot.slack.command;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean …?" for a mistyped subcommand: the known name with the smallest edit distance (adjacent swaps count
 * as one edit, so {@code stauts} finds {@code status}), or one the typed word is a prefix of. Nothing when every
 * name is too far away to be a typo.
 */
public final class ClosestSubcommand {

    private ClosestSubcommand() {
    }

    public static Optional<String> to(String typed, Collection<String> names) {
        String t = typed.toLowerCase();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int d = name.startsWith(t) && t.length() >= 2 ? 1 : distance(t, name);
            if (d < bestDistance || (d == bestDistance && best != null && name.compareTo(best) < 0)) {
                best = name;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.min(3, best.length() / 2));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance (Levenshtein plus transpositions of neighbours). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
