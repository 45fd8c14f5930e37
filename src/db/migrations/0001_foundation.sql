-- Foundation: tenancy, WhatsApp connections, contacts with their opt-in, templates, messages
-- (the message row is its own dispatch outbox), and the raw webhook events received from Meta.
-- Every tenant table carries org_id and leads its keys with it (Citus-compatible distribution key).

CREATE TABLE organizations (
  id              text PRIMARY KEY,
  name            text NOT NULL,
  slug            text NOT NULL UNIQUE,
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'terminated')),
  default_country text NOT NULL DEFAULT 'US',
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id            text PRIMARY KEY,
  email         text NOT NULL,
  name          text NOT NULL DEFAULT '',
  password_hash text NOT NULL,
  is_operator   boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE memberships (
  org_id     text NOT NULL REFERENCES organizations (id),
  user_id    text NOT NULL REFERENCES users (id),
  role       text NOT NULL CHECK (role IN ('owner', 'admin', 'developer', 'agent', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id)
);

CREATE TABLE api_keys (
  org_id       text NOT NULL REFERENCES organizations (id),
  id           text NOT NULL,
  name         text NOT NULL,
  mode         text NOT NULL CHECK (mode IN ('live', 'test')),
  key_hash     text NOT NULL UNIQUE,
  hint         text NOT NULL,
  scopes       text[] NOT NULL,
  created_by   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  last_used_at timestamptz,
  last_used_ip text,
  PRIMARY KEY (org_id, id)
);

-- Platform-held secrets that must be shown again (the demo key), encrypted under the master key.
CREATE TABLE platform_secrets (
  name       text PRIMARY KEY,
  value_enc  text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE whatsapp_accounts (
  org_id            text NOT NULL REFERENCES organizations (id),
  id                text NOT NULL,
  waba_id           text NOT NULL UNIQUE,
  access_token_enc  text NOT NULL,
  app_secret_enc    text NOT NULL,
  verify_token_hash text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX whatsapp_accounts_verify_token ON whatsapp_accounts (verify_token_hash);

CREATE TABLE phone_numbers (
  org_id               text NOT NULL,
  id                   text NOT NULL,
  account_id           text NOT NULL,
  phone_number_id      text NOT NULL UNIQUE,
  display_phone_number text NOT NULL,
  verified_name        text,
  quality_rating       text,
  messaging_limit_tier text,
  throughput_level     text,
  status               text,
  last_synced_at       timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, account_id) REFERENCES whatsapp_accounts (org_id, id)
);

CREATE TABLE contacts (
  org_id           text NOT NULL REFERENCES organizations (id),
  id               text NOT NULL,
  phone_e164       text NOT NULL,
  wa_id            text,
  name             text,
  last_inbound_at  timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, phone_e164)
);

-- Opt-in records with their proof. Append-only; the contacts issue turns this into the hash-chained ledger.
CREATE TABLE consent_records (
  org_id     text NOT NULL,
  id         text NOT NULL,
  contact_id text NOT NULL,
  purpose    text NOT NULL,
  state      text NOT NULL CHECK (state IN ('opted_in', 'opted_out')),
  source     text NOT NULL,
  proof      jsonb NOT NULL DEFAULT '{}',
  actor      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, id)
);
CREATE INDEX consent_records_contact ON consent_records (org_id, contact_id, purpose, created_at);

CREATE TABLE templates (
  org_id           text NOT NULL,
  id               text NOT NULL,
  account_id       text NOT NULL,
  meta_template_id text,
  name             text NOT NULL,
  language         text NOT NULL,
  category         text NOT NULL,
  status           text NOT NULL,
  parameter_format text NOT NULL DEFAULT 'POSITIONAL',
  components       jsonb NOT NULL,
  quality_score    text,
  rejected_reason  text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, account_id, name, language),
  FOREIGN KEY (org_id, account_id) REFERENCES whatsapp_accounts (org_id, id)
);

-- Outbound and inbound messages. An outbound row in status 'accepted' is the dispatch outbox entry:
-- accepting a message and queueing it is one INSERT, so they cannot part.
CREATE TABLE messages (
  org_id           text NOT NULL,
  id               text NOT NULL,
  direction        text NOT NULL CHECK (direction IN ('outbound', 'inbound')),
  phone_number_id  text NOT NULL,
  contact_id       text NOT NULL,
  counterpart      text NOT NULL,
  type             text NOT NULL,
  content          jsonb NOT NULL,
  template_id      text,
  status           text NOT NULL,
  wamid            text,
  metadata         jsonb,
  error            jsonb,
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  claimed_until    timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, wamid),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, id)
);
CREATE INDEX messages_outbox ON messages (next_attempt_at) WHERE status = 'accepted';
CREATE INDEX messages_list ON messages (org_id, id DESC);

CREATE TABLE message_status_events (
  org_id      text NOT NULL,
  message_id  text NOT NULL,
  status      text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source      text NOT NULL,
  detail      jsonb,
  PRIMARY KEY (org_id, message_id, status),
  FOREIGN KEY (org_id, message_id) REFERENCES messages (org_id, id)
);

-- Meta's webhook deliveries, stored raw before they are acknowledged. The tenant is not known until the
-- body is read, so this table is platform-level; processing resolves each item to its organization.
CREATE TABLE whatsapp_webhook_events (
  id            text PRIMARY KEY,
  body_sha256   text NOT NULL UNIQUE,
  raw_body      text NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now(),
  processed_at  timestamptz,
  attempts      integer NOT NULL DEFAULT 0,
  last_error    text
);
CREATE INDEX whatsapp_webhook_events_pending ON whatsapp_webhook_events (received_at) WHERE processed_at IS NULL;
