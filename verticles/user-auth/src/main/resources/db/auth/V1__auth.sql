-- Schema "auth" is created by Flyway and owned by the user-auth verticle alone.

-- Usernames sort and compare byte-wise (code point order), whatever the server's locale, so
-- keyset pages are stable across deployments.
CREATE TABLE auth.users (
  id            uuid PRIMARY KEY,
  username      text COLLATE "C" NOT NULL UNIQUE,
  email         text NOT NULL,
  password_hash text NOT NULL,
  verified      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email_lower_key ON auth.users (lower(email));

-- secret_sealed: AES-256-GCM (nonce || ciphertext || tag) under master.key, bound to the row id.
CREATE TABLE auth.api_clients (
  id            uuid PRIMARY KEY,
  name          text NOT NULL,
  api_key       text NOT NULL UNIQUE,
  secret_sealed bytea NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a code is kept; used_at makes redemption single use.
CREATE TABLE auth.authorization_codes (
  code_hash  bytea PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX authorization_codes_expires_at ON auth.authorization_codes (expires_at);
