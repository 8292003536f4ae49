-- Slack's pace (about one post per second per channel) shared by every replica: one row per channel holding when
-- its next post may go out. A poster claims that slot with a conditional update (the row still says what it read),
-- so two replicas never take the same slot.
create table slack_channel_pacing (
    channel      varchar(64) primary key,
    next_post_at timestamp with time zone not null
);
