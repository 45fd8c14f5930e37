-- Violation reports from the public (AUP 5): who reported (kept for the operators and the replies, never shown to
-- the reported organization), whom and what, the evidence files, and the outcome sent back. A report is the
-- platform's record, not a tenant's: org_id is the organization owning the reported number when one does.
CREATE TABLE violation_reports (
  id                text PRIMARY KEY,
  -- What the reporter holds: shown once, mailed to them, and the key to the status page (80 random bits).
  reference         text NOT NULL UNIQUE,
  org_id            text REFERENCES organizations (id),
  phone_number_id   text,
  category          text NOT NULL,
  clause            text NOT NULL,
  reported_business text,
  reported_phone    text,
  description       text NOT NULL,
  reporter_email    text,
  reporter_phone    text,
  reporter_ip       text,
  source            text NOT NULL CHECK (source IN ('form', 'api')),
  status            text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'closed')),
  outcome           text,
  outcome_by        text,
  outcome_at        timestamptz,
  created_at        timestamptz NOT NULL,
  CHECK (reporter_email IS NOT NULL OR reporter_phone IS NOT NULL),
  CHECK (reported_business IS NOT NULL OR reported_phone IS NOT NULL),
  CHECK ((status = 'closed') = (outcome IS NOT NULL))
);
CREATE INDEX violation_reports_org ON violation_reports (org_id, created_at) WHERE org_id IS NOT NULL;
CREATE INDEX violation_reports_open ON violation_reports (created_at) WHERE status = 'received';

CREATE TABLE violation_report_evidence (
  report_id  text NOT NULL REFERENCES violation_reports (id),
  position   smallint NOT NULL,
  filename   text,
  mime_type  text NOT NULL,
  size_bytes integer NOT NULL,
  sha256     text NOT NULL,
  bytes      bytea NOT NULL,
  PRIMARY KEY (report_id, position)
);

-- Proof-of-work challenges already used: each buys one report. Kept until the challenge would have expired anyway.
CREATE TABLE report_challenges_spent (
  nonce      text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX report_challenges_spent_expiry ON report_challenges_spent (expires_at);

-- Report submissions per source address (a keyed digest of it) in fixed one-hour windows, shared by every API process.
CREATE TABLE report_attempts (
  address_digest text PRIMARY KEY,
  window_start   timestamptz NOT NULL,
  attempts       integer NOT NULL
);
