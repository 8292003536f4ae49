package io.upgradebot.project.checklist;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RunbookChecklist;
import io.upgradebot.domain.RunbookPhases;
import io.upgradebot.store.ChecklistItemEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A project's runbook checklist for {@code /upgrade checklist}: database only. */
@ApplicationScoped
public class ShowChecklist {

    /** The steps the bot ticks itself when it does them (at creation, on {@code /upgrade ask}, as issues close). */
    public static final Set<String> BY_BOT = Set.of(RunbookChecklist.CREATE_ROADMAP_ISSUE,
            RunbookChecklist.ADD_CHECKLIST, RunbookChecklist.ADD_MAINTENANCE_LABEL,
            RunbookChecklist.ADD_TO_ROADMAP_BOARD, RunbookChecklist.SET_MILESTONE,
            RunbookChecklist.EXPLICIT_COMPLETION_DATE, RunbookChecklist.SELECT_ORCHESTRATION_TEAM,
            RunbookChecklist.NAME_ORCHESTRATION_TEAM, RunbookChecklist.CREATE_PROJECT_FIELD_VALUE,
            RunbookChecklist.CREATE_REPO_ISSUES, RunbookChecklist.TASK_LIST_OF_CHILDREN,
            RunbookChecklist.LINK_DOCS_FROM_ROADMAP, RunbookChecklist.SEND_ANNOUNCEMENT,
            RunbookChecklist.COMPLETE_IMPLEMENTATION_TICKETS);

    private final ChecklistTicks ticks;
    private final BoardViewLinks boardViews;

    public ShowChecklist(ChecklistTicks ticks, BoardViewLinks boardViews) {
        this.ticks = ticks;
        this.boardViews = boardViews;
    }

    /** Empty when the project does not exist. {@code orchestrator}: whether the person looking is one. */
    public Optional<ChecklistOverview> of(long projectId, boolean orchestrator) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
            if (p == null) {
                return Optional.empty();
            }
            Map<String, ChecklistItemEntity> records = ChecklistItemEntity.ofProject(projectId).stream()
                    .collect(Collectors.toMap(r -> r.itemId, Function.identity()));
            List<ChecklistOverview.Phase> phases = new ArrayList<>();
            RunbookPhases.group(ticks.checklist()).forEach((phase, items) -> phases.add(new ChecklistOverview.Phase(
                    phase.title, items.stream().map(i -> entry(i, records.get(i.id()))).toList())));
            return Optional.of(new ChecklistOverview(p.id, p.slug, p.name, p.state, p.roadmapIssueUrl,
                    boardViews.of(p.name).orElse(null), orchestrator && changeable(p.state), phases));
        });
    }

    /** Only a project under way has a checklist to tick: a preview has no roadmap issue, a closed one is done. */
    static boolean changeable(ProjectState state) {
        return state == ProjectState.ACTIVE || state == ProjectState.CREATING;
    }

    private static ChecklistOverview.Entry entry(RunbookChecklist.Item item, ChecklistItemEntity r) {
        return r == null
                ? new ChecklistOverview.Entry(item.id(), item.text(), false, BY_BOT.contains(item.id()), null, null,
                        null)
                : new ChecklistOverview.Entry(item.id(), item.text(), r.ticked, BY_BOT.contains(item.id()), r.actor,
                        r.source.name(), r.changedAt);
    }
}
