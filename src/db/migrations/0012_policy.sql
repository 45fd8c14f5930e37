-- The Acceptable Use Policy as versioned data: each version's structured text and effective date, each
-- organization's acceptance of each version, and an outbox for the emails the platform owes (policy notices,
-- enforcement notices), sent by whatever mail relay is configured — or read by an operator when none is.

CREATE TABLE policy_versions (
  version      integer PRIMARY KEY CHECK (version >= 1),
  title        text NOT NULL,
  document     jsonb NOT NULL,
  summary      text NOT NULL DEFAULT '',
  effective_at timestamptz NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL
);

CREATE TABLE policy_acceptances (
  org_id      text NOT NULL REFERENCES organizations (id),
  version     integer NOT NULL REFERENCES policy_versions (version),
  accepted_at timestamptz NOT NULL,
  -- explicit: accepted when signing up or by clicking; continued_use: the first authenticated use after the
  -- version took effect (AUP 7: "Continued use of the Platform constitutes acceptance of updated terms").
  method      text NOT NULL CHECK (method IN ('explicit', 'continued_use')),
  actor       text NOT NULL,
  PRIMARY KEY (org_id, version)
);

CREATE TABLE email_outbox (
  id          text PRIMARY KEY,
  org_id      text REFERENCES organizations (id),
  to_address  text NOT NULL,
  subject     text NOT NULL,
  body        text NOT NULL,
  kind        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  sent_at     timestamptz
);
CREATE INDEX email_outbox_unsent ON email_outbox (created_at) WHERE sent_at IS NULL;
