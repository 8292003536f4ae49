-- Exactly-once posts across a crash: every post of a scheduled delivery carries its delivery key in Slack message
-- metadata. Before posting, the attempt records where it posts; a later attempt (after a crash or an ambiguous
-- failure such as a timeout) reads that channel's history since post_started_at and posts only when the key is
-- not there.
alter table scheduled_delivery add column delivery_key varchar(64);
alter table scheduled_delivery add column post_channel varchar(64);
alter table scheduled_delivery add column post_thread_ts varchar(32);
alter table scheduled_delivery add column post_started_at timestamp with time zone;
