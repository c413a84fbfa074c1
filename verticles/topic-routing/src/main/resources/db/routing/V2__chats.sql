-- Two-member chats (seed 003's user_chat). The pair key, smaller user id first, makes find-or-create
-- idempotent under concurrency; the chat's log is the CHAT topic named '@chat/' || chat_id.
CREATE TABLE chats (
  user_low   uuid        NOT NULL,
  user_high  uuid        NOT NULL,
  chat_id    uuid        NOT NULL UNIQUE,
  topic_id   bigint      NOT NULL UNIQUE REFERENCES topics (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_low, user_high),
  CHECK (user_low < user_high)
);
