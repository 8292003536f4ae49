-- Scheduled messages: the runbook's built-in moments per project, and the bookkeeping that makes each firing
-- post exactly once (claimed before posting, retried later after a transient failure).
-- Numbered 3.5 so it sorts after V2 (Quartz) without taking a round number another feature may use.

-- moment: which built-in runbook moment a row is ("ask", "tbd-reminder", "digest", "deadline-30", "at-risk-14"),
-- null for a person's own announcement. One row per project and moment, so re-creating them is idempotent.
alter table scheduled_message add column moment varchar(40);
-- deadline reminders and at-risk escalations: how many days before the completion date (run_at follows the date)
alter table scheduled_message add column days_before integer;
create unique index uq_message_moment on scheduled_message (project_id, moment);
create index ix_message_project on scheduled_message (project_id, state);

-- due_at: the occurrence this delivery is for; attempted_at: when the last attempt started (a SENDING row whose
-- attempt is older than the lease was interrupted mid-post and is not repeated blindly)
alter table scheduled_delivery add column due_at timestamp with time zone;
alter table scheduled_delivery add column attempted_at timestamp with time zone;
create index ix_delivery_state on scheduled_delivery (state, scheduled_message_id);
