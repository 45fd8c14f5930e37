-- Investigations (issue 8 item 6, AUP 5; decision 0023): operators' API keys, and cases with their reports and
-- their timeline. Cases are the platform's records, not a tenant's: org_id is the organization investigated, when known.

-- Operator API keys (`xp_op_…`): only the SHA-256 is kept, as for tenants' keys. They open /v1/operator/* only.
CREATE TABLE operator_api_keys (
  id           text PRIMARY KEY,
  user_id      text NOT NULL REFERENCES users (id),
  name         text NOT NULL,
  key_hash     text NOT NULL UNIQUE,
  hint         text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  last_used_at timestamptz
);

CREATE TABLE cases (
  id          text PRIMARY KEY,
  org_id      text REFERENCES organizations (id),
  clause      text NOT NULL,
  category    text NOT NULL,
  status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  -- The operator (a user id) working the case; null while it waits in the queue.
  assignee    text REFERENCES users (id),
  outcome     text,
  confirmed   boolean,
  resolved_by text,
  resolved_at timestamptz,
  created_at  timestamptz NOT NULL,
  CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
);
CREATE INDEX cases_open ON cases (created_at) WHERE status = 'open';
CREATE INDEX cases_org ON cases (org_id, created_at) WHERE org_id IS NOT NULL;

-- The reports a case investigates (one today: each report opens its own case).
CREATE TABLE case_reports (
  case_id   text NOT NULL REFERENCES cases (id),
  report_id text NOT NULL UNIQUE REFERENCES violation_reports (id),
  PRIMARY KEY (case_id, report_id)
);

-- Everything that happened on a case, in order: opened, assigned, note, action, resolved, evidence_exported.
-- The audit log holds the same steps, chained; this is the working view (notes' text lives only here).
CREATE TABLE case_events (
  case_id    text NOT NULL REFERENCES cases (id),
  id         text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('opened', 'assigned', 'note', 'action', 'resolved', 'evidence_exported')),
  actor      text NOT NULL,
  detail     jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, id)
);
