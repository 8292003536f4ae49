package io.upgradebot.project.outside;

import io.upgradebot.store.OutsideIssueEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import java.util.List;

/** The GitHub Markdown of outside issues and of their section in the roadmap issue. */
final class OutsideIssueTexts {

    static final String SECTION = "dependencies";

    private OutsideIssueTexts() {
    }

    static String title(UpgradeProjectEntity p, AddOutsideIssues.Entry e) {
        return e.dependency()
                ? e.name() + " needs a change or a release for the " + upgrade(p)
                : e.target() + ": " + e.name() + " for the " + upgrade(p);
    }

    /**
     * The body: what is needed, and links to the roadmap issue and the docs page (the runbook asks for the upgrade
     * instructions too; a project does not store them apart from its docs page).
     */
    static String body(UpgradeProjectEntity p, AddOutsideIssues.Entry e, String roadmapUrl) {
        StringBuilder b = new StringBuilder();
        if (e.dependency()) {
            b.append("**").append(e.name()).append("** still needs a change or a release to support the ")
                    .append(upgrade(p)).append(versions(p)).append(".\n\n");
        } else {
            b.append("The ").append(upgrade(p)).append(versions(p)).append(" needs work from **").append(e.target())
                    .append("**: ").append(e.name()).append(".\n\n");
        }
        if (e.needed() != null) {
            b.append("**What is needed:** ").append(e.needed().strip()).append("\n\n");
        }
        if (e.upstreamUrl() != null) {
            b.append("**Upstream:** ").append(e.upstreamUrl().strip()).append("\n\n");
        }
        b.append("- Roadmap issue: ").append(roadmapUrl).append('\n');
        if (p.docsUrl != null) {
            b.append("- Upgrade docs and instructions: ").append(p.docsUrl).append('\n');
        }
        return b.toString().strip();
    }

    /** One line per outside issue, its link (or a reference the queue fills in) first. */
    static String section(List<OutsideIssueEntity> issues,
            java.util.function.Function<OutsideIssueEntity, String> link) {
        StringBuilder b = new StringBuilder("### External dependencies and operations tickets\n");
        for (OutsideIssueEntity o : issues) {
            b.append("- ").append(link.apply(o)).append(" — **").append(o.name).append("** (")
                    .append(OutsideIssueEntity.DEPENDENCY.equals(o.kind) ? "external dependency" : o.target)
                    .append(")");
            if (o.needed != null) {
                String needed = o.needed.strip().replaceAll("\\s+", " ");
                b.append(": ").append(needed.length() > 200 ? needed.substring(0, 199) + "…" : needed);
            }
            b.append('\n');
        }
        return b.toString().strip();
    }

    private static String upgrade(UpgradeProjectEntity p) {
        return p.name.toLowerCase(java.util.Locale.ROOT).contains("upgrade") ? p.name : p.name + " upgrade";
    }

    private static String versions(UpgradeProjectEntity p) {
        return p.dependency != null && p.currentVersion != null && p.targetVersion != null
                ? " (" + p.dependency + " " + p.currentVersion + " → " + p.targetVersion + ")"
                : "";
    }
}
