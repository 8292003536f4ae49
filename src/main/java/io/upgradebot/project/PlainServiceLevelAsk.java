package io.upgradebot.project;

import io.quarkus.arc.DefaultBean;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The service-level request in words, for when the Owner Does feature's own announcement is not available: what
 * the upgrade is, its date, the instructions, and the request to choose a level for each repository.
 */
@ApplicationScoped
@DefaultBean
public class PlainServiceLevelAsk implements ServiceLevelAsk {

    private final AnnouncementPoster poster;
    private final LevelNames levels;

    public PlainServiceLevelAsk(AnnouncementPoster poster, LevelNames levels) {
        this.poster = poster;
        this.levels = levels;
    }

    @Override
    public String post(long projectId, String note) {
        UpgradeProjectEntity p = QuarkusTransaction.requiringNew().call(() -> UpgradeProjectEntity.findById(projectId));
        List<ProjectRepoEntity> repos = QuarkusTransaction.requiringNew().call(() -> ProjectRepoEntity.inScopeOf(projectId));
        long tbd = repos.stream().filter(r -> levels.isTbd(r.ownerDoes)).count();
        StringBuilder text = new StringBuilder();
        if (note != null && !note.isBlank()) {
            text.append(note.strip()).append("\n\n");
        }
        text.append(":mega: *").append(p.name).append("*");
        if (p.dependency != null) {
            text.append(": upgrading ").append(p.dependency);
            if (p.currentVersion != null && p.targetVersion != null) {
                text.append(" ").append(p.currentVersion).append(" → ").append(p.targetVersion);
            }
        }
        if (p.completionDate != null) {
            text.append(", to be completed by ").append(MomentComposer.DATE.format(p.completionDate));
        }
        text.append(".\nOwning teams: please read the upgrade instructions and choose who does what (Owner Does) for each of ")
                .append("your repositories. ").append(tbd).append(" of ").append(repos.size()).append(" still have no level.");
        List<AnnouncementPoster.Button> buttons = new ArrayList<>();
        buttons.add(AnnouncementPoster.Button.chooseLevels(p.id, p.roadmapIssueUrl));
        if (p.docsUrl != null && !p.docsUrl.isBlank()) {
            buttons.add(AnnouncementPoster.Button.link("Upgrade instructions", p.docsUrl));
        }
        return poster.post(p.channelId, null, new AnnouncementPoster.Post(text.toString(), buttons));
    }
}
