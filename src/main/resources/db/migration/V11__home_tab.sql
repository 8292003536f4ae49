-- The Home tab is published only for people who have opened it: one row per such person, shared by every replica.
-- last_hash: fingerprint of the view last published (an identical view is not sent again); published_at: when,
-- for the per-person throttle; changed_at: something the tab shows changed since, and a re-publish is owed;
-- page: which page of their pending repositories they are looking at.
create table home_tab_viewer (
    user_id      varchar(32) primary key,
    page         integer not null default 0,
    last_hash    varchar(64),
    published_at timestamp with time zone,
    changed_at   timestamp with time zone,
    opened_at    timestamp with time zone not null
);
create index home_tab_viewer_changed on home_tab_viewer (changed_at);
