-- Per member and topic, the highest sequence number acknowledged. Catch-up reads what lies after it.
CREATE TABLE cursors (
  user_id    uuid        NOT NULL,
  topic_id   bigint      NOT NULL,
  acked_seq  bigint      NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, topic_id)
);
