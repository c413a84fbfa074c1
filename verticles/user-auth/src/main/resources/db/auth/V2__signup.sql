-- Signup (seed 000): accounts registered with an OTP-verified identifier (phone or e-mail) log in with that
-- identifier as their username; they may have no e-mail address.
ALTER TABLE auth.users ALTER COLUMN email DROP NOT NULL;
ALTER TABLE auth.users ADD COLUMN identifier text UNIQUE;
ALTER TABLE auth.users ADD COLUMN full_name text;
ALTER TABLE auth.users ADD COLUMN verified_at timestamptz;

-- One OTP challenge and what follows it. Only SHA-256 digests of the transaction ids (cookie values) and of
-- the OTP are kept. verified_hash is set once the OTP matched; status once register/reset ran.
CREATE TABLE auth.signup_transactions (
  id_hash         bytea PRIMARY KEY,
  identifier      text NOT NULL,
  purpose         text NOT NULL,
  otp_hash        bytea NOT NULL,
  otp_expires_at  timestamptz NOT NULL,
  last_sent_at    timestamptz NOT NULL DEFAULT now(),
  sends           int NOT NULL DEFAULT 1,
  verify_attempts int NOT NULL DEFAULT 0,
  verified_hash   bytea UNIQUE,
  status          text,
  expires_at      timestamptz NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX signup_transactions_expires_at ON auth.signup_transactions (expires_at);

-- Identifiers that asked for too many OTPs, refused until blocked_until.
CREATE TABLE auth.signup_blocks (
  identifier    text PRIMARY KEY,
  blocked_until timestamptz NOT NULL
);

-- Notifications waiting for a sender (mail, SMS). The embedded default only records them here.
CREATE TABLE auth.notification_outbox (
  id         bigserial PRIMARY KEY,
  recipient  text NOT NULL,
  template   text NOT NULL,
  payload    jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at    timestamptz
);
