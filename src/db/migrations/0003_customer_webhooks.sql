-- Webhooks to customers: their endpoints, the events of each organization (the outbox), and one delivery
-- per endpoint and event, which is its own queue entry (claimed like the message outbox). See docs/decisions/0005.

CREATE TABLE webhook_endpoints (
  org_id                     text NOT NULL REFERENCES organizations (id),
  id                         text NOT NULL,
  url                        text NOT NULL,
  description                text NOT NULL DEFAULT '',
  -- Event types delivered here; '*' means all.
  event_types                text[] NOT NULL,
  -- whsec_… secrets, sealed (AES-256-GCM). After a rotation the previous one also signs until it expires.
  secret_enc                 text NOT NULL,
  previous_secret_enc        text,
  previous_secret_expires_at timestamptz,
  status                     text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  disabled_reason            text,
  disabled_at                timestamptz,
  -- Start of the current run of failed attempts (NULL after any success): five days of it disables the endpoint.
  failing_since              timestamptz,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);

-- Recorded only while the organization has an endpoint that wants the type, so tenants without webhooks
-- pay one indexed read per batch and nothing more. `sequence` counts the events of one subject (a message):
-- 1, 2, 3… so a receiver can drop a regression that arrives late.
CREATE TABLE events (
  org_id     text NOT NULL REFERENCES organizations (id),
  id         text NOT NULL,
  type       text NOT NULL,
  subject    text,
  sequence   integer,
  payload    jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX events_subject ON events (org_id, subject, sequence) WHERE subject IS NOT NULL;
CREATE INDEX events_created ON events (org_id, created_at);

CREATE TABLE webhook_deliveries (
  org_id           text NOT NULL,
  id               text NOT NULL,
  endpoint_id      text NOT NULL,
  event_id         text NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_attempt_at  timestamptz,
  last_status_code integer,
  last_duration_ms integer,
  last_error       text,
  -- The delivery this one replays (same event, same webhook-id).
  replay_of        text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, endpoint_id) REFERENCES webhook_endpoints (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, event_id) REFERENCES events (org_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (org_id, endpoint_id, id DESC);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (org_id, event_id);

-- Every attempt with its outcome and timing: the delivery log.
CREATE TABLE webhook_attempts (
  org_id       text NOT NULL,
  delivery_id  text NOT NULL,
  attempt      integer NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now(),
  status_code  integer,
  duration_ms  integer NOT NULL,
  error        text,
  response     text,
  PRIMARY KEY (org_id, delivery_id, attempt),
  FOREIGN KEY (org_id, delivery_id) REFERENCES webhook_deliveries (org_id, id) ON DELETE CASCADE
);
