-- Limits per identifier across signup transactions: failed OTP guesses are counted per transaction (they
-- survive a resend), and the transactions of one identifier are found by identifier and age.
ALTER TABLE auth.signup_transactions ADD COLUMN failed_verifies int NOT NULL DEFAULT 0;
CREATE INDEX signup_transactions_identifier ON auth.signup_transactions (identifier, created_at);

-- Failed logins per username (existing or not) in the current window; a username with too many is refused
-- until the window ends.
CREATE TABLE auth.login_failures (
  username     text COLLATE "C" PRIMARY KEY,
  failures     int NOT NULL,
  window_start timestamptz NOT NULL
);
