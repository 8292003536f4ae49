package io.upgradebot.project;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.Slug;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the project a command names: by its slug ("django-5-2"), or by its name as typed ("Django 5.2" has that
 * slug); with nothing named, the one active project of the channel. Database only, fast enough before the ack.
 */
@ApplicationScoped
public class FindProject {

    /** The project's id and slug, or why none was found ({@code message}, mrkdwn). */
    public record Found(Long projectId, String slug, String message) {
        public boolean found() {
            return projectId != null;
        }
    }

    public Found find(String named, String channelId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (named == null || named.isBlank()) {
                List<UpgradeProjectEntity> here = UpgradeProjectEntity.list(
                        "channelId = ?1 and state in ?2 order by createdAt desc",
                        channelId, List.of(ProjectState.CREATING, ProjectState.ACTIVE));
                if (here.size() == 1) {
                    return new Found(here.get(0).id, here.get(0).slug, null);
                }
                return new Found(null, null, "Name the project: " + known());
            }
            String slug = Slug.of(named);
            Optional<UpgradeProjectEntity> p = UpgradeProjectEntity.findBySlug(slug);
            if (p.isPresent()) {
                return new Found(p.get().id, p.get().slug, null);
            }
            Optional<String> close = UpgradeProjectEntity.<UpgradeProjectEntity>listAll().stream().map(e -> e.slug)
                    .filter(s -> s.startsWith(slug) || slug.startsWith(s) || distance(s, slug) <= 2)
                    .min(Comparator.comparingInt(s -> distance(s, slug)));
            return new Found(null, null, "There is no project `" + slug + "`."
                    + close.map(s -> " Did you mean `" + s + "`?").orElse(" " + known()));
        });
    }

    private static String known() {
        List<String> slugs = UpgradeProjectEntity.newestFirst().stream().limit(10).map(p -> "`" + p.slug + "`")
                .toList();
        return slugs.isEmpty()
                ? "there are no projects yet (`/upgrade new`)."
                : "known projects: " + String.join(", ", slugs)
                        + " (`/upgrade list` for all).";
    }

    /** Levenshtein distance, for "did you mean". */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
