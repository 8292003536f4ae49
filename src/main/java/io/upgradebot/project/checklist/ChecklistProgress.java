package io.upgradebot.project.checklist;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.domain.RepoRef;
import io.upgradebot.domain.RunbookChecklist;
import io.upgradebot.store.ChecklistItemEntity;
import io.upgradebot.store.ProjectRepoEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checklist steps the bot sees happen rather than does in one place: the child list complete, every repository
 * issue closed. Each check reads the project's rows and ticks through {@link ChecklistTicks#botTick} (which leaves
 * alone an item a person unticked). A later step the bot does itself calls {@code botTick} where it happens.
 */
@ApplicationScoped
public class ChecklistProgress {

    private final ChecklistTicks ticks;

    public ChecklistProgress(ChecklistTicks ticks) {
        this.ticks = ticks;
    }

    /**
     * A repository issue of the project was closed or reopened: "Complete and update all of the created
     * implementation tickets" is ticked when every in-scope repository issue is closed, and unticked again when one
     * is reopened after the bot ticked it (a person's own tick stays).
     */
    public void repositoryIssuesChanged(long projectId) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<ProjectRepoEntity> repos = ProjectRepoEntity.inScopeOf(projectId);
            boolean allClosed = !repos.isEmpty()
                    && repos.stream().allMatch(r -> r.issueNumber != null && r.issueState == RepoIssueState.CLOSED);
            String item = RunbookChecklist.COMPLETE_IMPLEMENTATION_TICKETS;
            if (allClosed) {
                ticks.botTick(projectId, Set.of(item));
                return;
            }
            Optional<ChecklistItemEntity> r = ChecklistItemEntity.find(projectId, item);
            if (r.isPresent() && r.get().ticked && r.get().source == ChecklistItemEntity.Source.BOT) {
                ticks.untick(projectId, Set.of(item), ChecklistTicks.BOT);
            }
        });
    }

    /**
     * The roadmap issue's child list was written ({@code content}: the children section as sent). When it names
     * every in-scope repository issue, the runbook's task list of child issues exists, and so does an issue in each
     * impacted repository. Call in the transaction that records the write.
     */
    public void childListWritten(long projectId, String content) {
        List<ProjectRepoEntity> repos = ProjectRepoEntity.inScopeOf(projectId);
        String listed = content == null ? "" : content.toLowerCase(Locale.ROOT);
        boolean complete = !repos.isEmpty() && repos.stream().allMatch(r -> r.issueNumber != null && Pattern
                .compile("\\b" + Pattern.quote((RepoRef.parse(r.repo).name() + "#" + r.issueNumber)
                        .toLowerCase(Locale.ROOT)) + "(?!\\d)")
                .matcher(listed).find());
        if (complete) {
            ticks.botTick(projectId, Set.of(RunbookChecklist.TASK_LIST_OF_CHILDREN,
                    RunbookChecklist.CREATE_REPO_ISSUES));
        }
    }
}
