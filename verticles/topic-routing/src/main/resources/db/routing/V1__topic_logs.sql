-- Topics, their members, and one append-only log of messages per topic.

CREATE TABLE topics (
  id         bigserial   PRIMARY KEY,
  name       text        NOT NULL UNIQUE,
  kind       smallint    NOT NULL,          -- TopicKind code: 0 public, 1 private, 2 inbox, 3 chat
  created_by uuid        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seq   bigint      NOT NULL DEFAULT 0 -- the seq of the topic's latest message; its row lock serialises appends
);

CREATE TABLE members (
  topic_id   bigint      NOT NULL REFERENCES topics (id),
  user_id    uuid        NOT NULL,
  joined_at  timestamptz NOT NULL DEFAULT now(),
  joined_seq bigint      NOT NULL DEFAULT 0, -- the topic's last_seq when the user joined; earlier messages stay hidden
  PRIMARY KEY (topic_id, user_id)
);

CREATE INDEX members_by_user ON members (user_id);

-- One row per message whatever the number of members. No foreign key to topics: appends are the hot
-- path, the batch already holds the topic row, and topics are never deleted.
CREATE TABLE messages (
  topic_id    bigint      NOT NULL,
  seq         bigint      NOT NULL,
  message_id  uuid        NOT NULL UNIQUE,
  sender_id   uuid        NOT NULL,
  sender_name text,
  content     text        NOT NULL,
  sent_at     timestamptz NOT NULL,
  PRIMARY KEY (topic_id, seq)
);

-- Rows arrive roughly in sent_at order, so a BRIN index serves the retention sweep at almost no write cost.
CREATE INDEX messages_by_sent_at ON messages USING brin (sent_at);
