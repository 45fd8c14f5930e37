-- Idempotency-Key: one row per (organization, key), reserved before the request runs and completed with
-- the response it replays (docs/decisions/0006-idempotency-keys.md).
CREATE TABLE idempotency_keys (
  org_id           text NOT NULL REFERENCES organizations (id),
  key              text NOT NULL,
  -- SHA-256 of method, target and canonical body: the same key with another request answers 422.
  fingerprint      text NOT NULL,
  method           text NOT NULL,
  path             text NOT NULL,
  state            text NOT NULL CHECK (state IN ('in_flight', 'completed')),
  -- While in flight: the holder's token (only it may complete or release the row) and when the
  -- reservation lapses, so a process that died mid-request does not lock the key for a day.
  lock_token       text,
  locked_until     timestamptz,
  response_status  smallint,
  response_headers jsonb,
  -- Sealed (AES-256-GCM, bound to org and key): a creating response may carry a one-time secret.
  response_body    text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  completed_at     timestamptz,
  expires_at       timestamptz NOT NULL,
  PRIMARY KEY (org_id, key)
);

CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
