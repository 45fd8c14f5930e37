-- Contacts with typed attributes, tags and segments; the consent ledger (append-only, hash-chained per
-- organization); the suppression list that outlives erasure; per-organization consent settings; and the
-- compliance signals the send path raises (the abuse-detection issue reads them).

ALTER TABLE contacts
  ADD COLUMN language   text,
  ADD COLUMN time_zone  text,
  ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN tags       text[] NOT NULL DEFAULT '{}',
  ADD COLUMN erased_at  timestamptz;
CREATE INDEX contacts_list ON contacts (org_id, id DESC);
CREATE INDEX contacts_tags ON contacts USING gin (tags);
CREATE INDEX contacts_attributes ON contacts USING gin (attributes jsonb_path_ops);
CREATE INDEX contacts_last_inbound ON contacts (org_id, last_inbound_at);

-- The typed custom fields an organization defines for its contacts.
CREATE TABLE contact_attributes (
  org_id     text NOT NULL REFERENCES organizations (id),
  key        text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,63}$'),
  label      text NOT NULL,
  type       text NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean', 'enum')),
  options    text[],
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, key),
  CHECK ((type = 'enum') = (options IS NOT NULL))
);

-- A contact filter kept by name; campaigns and flows resolve it when they run.
CREATE TABLE segments (
  org_id     text NOT NULL REFERENCES organizations (id),
  id         text NOT NULL,
  name       text NOT NULL,
  filter     jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, name)
);

-- The consent ledger. The foundation's table only ever held the demo's opt-ins, which the demo writes again
-- into the ledger on its next start; it is replaced rather than converted, since a chain cannot be computed
-- in SQL the way the platform computes it.
DROP TABLE consent_records;
CREATE TABLE consent_records (
  org_id          text NOT NULL REFERENCES organizations (id),
  seq             bigint NOT NULL,
  id              text NOT NULL,
  contact_id      text NOT NULL,
  purpose         text NOT NULL CHECK (purpose IN ('marketing', 'utility', 'authentication', 'all')),
  state           text NOT NULL CHECK (state IN ('opted_in', 'opted_out', 'erased')),
  source          text NOT NULL,
  proof           jsonb NOT NULL,
  -- SHA-256 of the canonical proof: what the chain covers, so an erasure can blank the proof and keep the chain.
  proof_digest    text NOT NULL,
  actor           text NOT NULL,
  recorded_at     timestamptz NOT NULL,
  prev_hash       text NOT NULL,
  hash            text NOT NULL,
  PRIMARY KEY (org_id, seq),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, id)
);
CREATE INDEX consent_records_contact ON consent_records (org_id, contact_id, seq);

-- The head of each organization's chain: appends lock it, so the chain has one order.
CREATE TABLE consent_chain_heads (
  org_id text PRIMARY KEY REFERENCES organizations (id),
  seq    bigint NOT NULL,
  hash   text NOT NULL
);

-- Derived from the ledger in the same transaction as each append: the latest record per contact and purpose.
CREATE TABLE consent_state (
  org_id      text NOT NULL,
  contact_id  text NOT NULL,
  purpose     text NOT NULL,
  state       text NOT NULL,
  record_id   text NOT NULL,
  seq         bigint NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, contact_id, purpose),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, id)
);
CREATE INDEX consent_state_by_state ON consent_state (org_id, purpose, state);

-- Numbers that must stay suppressed after their contact was erased: a keyed hash, never the number.
CREATE TABLE suppressed_numbers (
  org_id      text NOT NULL REFERENCES organizations (id),
  phone_hash  text NOT NULL,
  reason      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, phone_hash)
);

-- Opt-in and opt-out handling, per organization (defaults apply when there is no row).
CREATE TABLE consent_settings (
  org_id                   text PRIMARY KEY REFERENCES organizations (id),
  business_name            text,
  opt_in_keywords          text[],
  opt_out_keywords         text[],
  marketing_opt_out_keywords text[],
  opt_out_confirmation     text,
  opt_in_confirmation      text,
  marketing_cap_per_24h    integer CHECK (marketing_cap_per_24h BETWEEN 1 AND 100),
  double_opt_in            boolean NOT NULL DEFAULT false,
  double_opt_in_template   jsonb,
  updated_at               timestamptz NOT NULL DEFAULT now()
);

-- Opt-ins waiting for the customer's confirmation (double opt-in); consent counts only once confirmed.
CREATE TABLE pending_opt_ins (
  org_id        text NOT NULL,
  id            text NOT NULL,
  contact_id    text NOT NULL,
  purpose       text NOT NULL,
  source        text NOT NULL,
  proof         jsonb NOT NULL,
  actor         text NOT NULL,
  message_id    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  confirmed_at  timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, id)
);
CREATE INDEX pending_opt_ins_contact ON pending_opt_ins (org_id, contact_id) WHERE confirmed_at IS NULL;

-- What the send path records for each business-initiated message: its category and the consent that allowed it.
ALTER TABLE messages
  ADD COLUMN category text,
  ADD COLUMN consent_record_id text;
CREATE INDEX messages_marketing_cap ON messages (org_id, contact_id, created_at) WHERE category = 'marketing';

-- Things an organization did that the policy counts against it (sends refused for consent, …), each naming
-- its clause of the Acceptable Use Policy.
CREATE TABLE compliance_signals (
  org_id      text NOT NULL REFERENCES organizations (id),
  id          text NOT NULL,
  kind        text NOT NULL,
  clause      text NOT NULL,
  detail      jsonb NOT NULL DEFAULT '{}',
  occurred_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX compliance_signals_kind ON compliance_signals (org_id, kind, occurred_at);
