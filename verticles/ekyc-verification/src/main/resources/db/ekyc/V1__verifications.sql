-- Schema "ekyc" is created by Flyway and owned by the ekyc-verification verticle alone. Every node reads
-- slots from here, so any node can validate a slot cookie and serve its frames.

-- One identity-verification transaction (IDV_TRANSACTION_ID) and, once allotted, its slot.
-- status: NULL until a slot is allotted, then STARTED, UPDATE_PENDING, COMPLETED or FAILED.
-- expires_at: the transaction's lifetime before allotment, the slot's after it.
CREATE TABLE ekyc.verifications (
  transaction_id  text PRIMARY KEY,
  user_id         uuid NOT NULL,
  verifier_id     text,
  slot_id         text UNIQUE,
  status          text,
  cookie_used     boolean NOT NULL DEFAULT false,
  progress        jsonb NOT NULL DEFAULT '{}'::jsonb,
  verified_claims jsonb,
  expires_at      timestamptz NOT NULL,
  allotted_at     timestamptz,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX verifications_open_slots ON ekyc.verifications (expires_at) WHERE status = 'STARTED';
