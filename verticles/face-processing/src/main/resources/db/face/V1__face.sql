-- Schema "face" is created by Flyway and owned by the face-processing verticle alone.

-- A session is found by the SHA-256 of its bearer token (the token itself is never stored) and is
-- single-use: active -> open (claimed by one socket) -> completed | failed | closed.
CREATE TABLE face.sessions (
  token_hash       bytea PRIMARY KEY,
  id               uuid NOT NULL UNIQUE,
  client_id        text NOT NULL,
  session_type     text NOT NULL,
  user_id          text,
  enrollment_id    uuid,
  target           int NOT NULL,
  required_blinks  int NOT NULL,
  require_liveness boolean NOT NULL,
  status           text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  opened_at        timestamptz
);

-- templates: AES-256-GCM (nonce || ciphertext || tag) under face-templates.key, bound to client and id.
-- One enrollment per (tenant, user); re-enrolling replaces it.
CREATE TABLE face.enrollments (
  id          uuid PRIMARY KEY,
  client_id   text NOT NULL,
  user_id     text NOT NULL,
  templates   bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (client_id, user_id)
);
