-- The upgrade radar's scheduled post says each thing once: one row per product, version in use and horizon
-- ("django@4.2/P12M"), claimed before the post (PENDING -> SENDING -> SENT) so replicas and restarts never post
-- it twice. The post carries delivery_key in Slack message metadata; an attempt interrupted after post_started_at
-- is looked up in post_channel's history before the item is posted again.
create table radar_alert (
    alert_key       varchar(200) primary key,
    product         varchar(100) not null,
    version         varchar(60)  not null,
    horizon         varchar(20)  not null,
    state           varchar(20)  not null,
    attempts        integer      not null,
    delivery_key    varchar(64),
    post_channel    varchar(64),
    post_started_at timestamp with time zone,
    attempted_at    timestamp with time zone,
    message_ts      varchar(40),
    last_error      varchar(2000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);
