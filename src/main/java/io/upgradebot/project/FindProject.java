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

    /** Why no project was found. */
    public enum Reason {
        /** Nothing named, and the channel has no single active project. */
        NOT_NAMED,
        /** Nothing has the slug named. */
        NO_SUCH_PROJECT,
        /** The project is finished: read-only until reopened (only from {@link #findToChange}). */
        FINISHED
    }

    /**
     * The project's id and slug, or why none was found.
     *
     * @param projectId  the project, or null when none was found
     * @param slug       the project's slug; when none was found, the slug looked for (null when nothing was named)
     * @param reason     why none was found, or null when found
     * @param didYouMean a close slug, for {@link Reason#NO_SUCH_PROJECT}
     * @param knownSlugs up to {@value #KNOWN_SHOWN} slugs, newest first, when no close slug helps (else empty)
     */
    public record Found(Long projectId, String slug, Reason reason, Optional<String> didYouMean,
            List<String> knownSlugs) {

        public Found {
            knownSlugs = List.copyOf(knownSlugs);
        }

        public boolean found() {
            return projectId != null;
        }

        static Found of(UpgradeProjectEntity p) {
            return new Found(p.id, p.slug, null, Optional.empty(), List.of());
        }
    }

    /**
     * As {@link #find}, for a command that would change the project: a finished project is read-only, so it is
     * answered as {@link Reason#FINISHED} (with its slug) rather than found. The one place commands learn that.
     */
    public Found findToChange(String named, String channelId) {
        Found found = find(named, channelId);
        if (!found.found()) {
            return found;
        }
        boolean finished = QuarkusTransaction.joiningExisting().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(found.projectId());
            return p != null && p.state == ProjectState.FINISHED;
        });
        return finished ? new Found(null, found.slug(), Reason.FINISHED, Optional.empty(), List.of()) : found;
    }

    /** How many known projects a "not found" answer lists. */
    public static final int KNOWN_SHOWN = 10;

    public Found find(String named, String channelId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (named == null || named.isBlank()) {
                List<UpgradeProjectEntity> here = UpgradeProjectEntity.list(
                        "channelId = ?1 and state in ?2 order by createdAt desc",
                        channelId, List.of(ProjectState.CREATING, ProjectState.ACTIVE));
                if (here.size() == 1) {
                    return Found.of(here.get(0));
                }
                return new Found(null, null, Reason.NOT_NAMED, Optional.empty(), known());
            }
            String slug = Slug.of(named);
            Optional<UpgradeProjectEntity> p = UpgradeProjectEntity.findBySlug(slug);
            if (p.isPresent()) {
                return Found.of(p.get());
            }
            Optional<String> close = UpgradeProjectEntity.<UpgradeProjectEntity>listAll().stream().map(e -> e.slug)
                    .filter(s -> s.startsWith(slug) || slug.startsWith(s) || distance(s, slug) <= 2)
                    .min(Comparator.comparingInt(s -> distance(s, slug)));
            return new Found(null, slug, Reason.NO_SUCH_PROJECT, close, close.isPresent() ? List.of() : known());
        });
    }

    private static List<String> known() {
        return UpgradeProjectEntity.newestFirst().stream().limit(KNOWN_SHOWN).map(p -> p.slug).toList();
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
