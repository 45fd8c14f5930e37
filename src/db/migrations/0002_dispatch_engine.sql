-- The dispatch engine: per-number lanes with priorities, shared rate buckets, recipient pacing,
-- reconciliation of sends whose outcome is unknown, paused numbers, and bulk webhook processing.

-- 0 authentication, 1 utility and service, 2 marketing: lower goes first on the same number.
ALTER TABLE messages ADD COLUMN priority smallint NOT NULL DEFAULT 1;
-- Set when a send to the Cloud API starts, cleared when its outcome is recorded. Still set on a row that is
-- claimed again means the outcome is unknown (timeout, crash): the status webhook decides, not a blind retry.
ALTER TABLE messages ADD COLUMN dispatch_started_at timestamptz;
ALTER TABLE messages ADD COLUMN dispatch_count integer NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN pricing jsonb;
ALTER TABLE messages ADD COLUMN conversation jsonb;

DROP INDEX messages_outbox;
CREATE INDEX messages_outbox ON messages (org_id, phone_number_id, priority, next_attempt_at) WHERE status = 'accepted';
-- Status webhooks echo our id in biz_opaque_callback_data; this finds a message before its wamid is known.
CREATE INDEX messages_unknown_outcome ON messages (org_id, id) WHERE dispatch_started_at IS NOT NULL;

ALTER TABLE phone_numbers ADD COLUMN throughput_mps integer;
ALTER TABLE phone_numbers ADD COLUMN is_coexistence boolean NOT NULL DEFAULT false;
ALTER TABLE phone_numbers ADD COLUMN paused_at timestamptz;
ALTER TABLE phone_numbers ADD COLUMN pause_reason jsonb;

-- Send slots shared by every worker on this database (used when REDIS_URL is not set): the theoretical
-- arrival time of the next free slot of each number (GCRA), so workers reserve disjoint slots.
CREATE TABLE rate_slots (
  key text PRIMARY KEY,
  tat timestamptz NOT NULL
);

-- Meta's pair rate limit: when this number may next write to this recipient.
CREATE TABLE recipient_pacing (
  org_id          text NOT NULL,
  phone_number_id text NOT NULL,
  recipient       text NOT NULL,
  next_allowed_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, phone_number_id, recipient)
);

-- Things that happened to an organization's account that it must hear about (a paused number, …).
CREATE TABLE account_events (
  org_id     text NOT NULL REFERENCES organizations (id),
  id         text NOT NULL,
  kind       text NOT NULL,
  subject    text,
  detail     jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);

-- Meta's deliveries are processed in batches by a claiming loop, like the outbox.
ALTER TABLE whatsapp_webhook_events ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE whatsapp_webhook_events ADD COLUMN claimed_until timestamptz;
DROP INDEX whatsapp_webhook_events_pending;
CREATE INDEX whatsapp_webhook_events_pending ON whatsapp_webhook_events (next_attempt_at) WHERE processed_at IS NULL;
