-- GitHub changes flowing back. Why a repository issue was closed (GitHub's state_reason, by CloseReason name):
-- "not planned" is shown apart from "completed". Null while open or when never seen.
alter table project_repo add column issue_close_reason varchar(20);
-- The board's Status of the repository's item, as a person last set it (null: as the bot wrote it at creation,
-- the configured "todo" value). A webhook carrying the value already here is an echo and changes nothing.
alter table project_repo add column board_status varchar(200);

-- Ticks of the roadmap issue's runbook checklist read back from people's edits of the issue on GitHub: one row per
-- project and checklist item id (RunbookChecklist ids), with the latest change's author (a GitHub login; null when
-- the edit that changed it was missed) and time.
create table roadmap_checklist_readback (
    project_id bigint        not null references upgrade_project (id),
    item_id    varchar(100)  not null,
    ticked     boolean       not null,
    changed_by varchar(100),
    changed_at timestamp with time zone not null,
    primary key (project_id, item_id)
);
