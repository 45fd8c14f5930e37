-- An organization's standing on the enforcement ladder (issue 8 items 3-4, decision 0022): good → warned →
-- restricted → suspended → terminated. The state lives on the organization, so the API-key lookup that already
-- reads its status carries it at no extra cost, and the notification of 0009 tells key caches when it changes.
-- organizations.status follows it: suspended and terminated organizations are not 'active'.
ALTER TABLE organizations
  ADD COLUMN standing text NOT NULL DEFAULT 'good' CHECK (standing IN ('good', 'warned', 'restricted', 'suspended', 'terminated')),
  ADD COLUMN standing_since timestamptz,
  -- A suspension's end; null otherwise.
  ADD COLUMN standing_until timestamptz,
  ADD COLUMN standing_clause text,
  -- A suspension's end (or an operator's reinstatement) starts the signals' window afresh.
  ADD COLUMN signals_since timestamptz;

DROP TRIGGER organizations_notify_change ON organizations;
CREATE TRIGGER organizations_notify_change AFTER UPDATE OF status, default_country, plan, standing, standing_until, standing_clause, id OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION notify_api_key_change();

-- Every transition, with its clause, the evidence (the signal readings) and who made it.
CREATE TABLE standing_changes (
  org_id      text NOT NULL REFERENCES organizations (id),
  id          text NOT NULL,
  from_state  text NOT NULL,
  to_state    text NOT NULL,
  clause      text NOT NULL,
  reason      text NOT NULL,
  actor       text NOT NULL,
  risk_score  numeric,
  evidence    jsonb NOT NULL,
  until       timestamptz,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX standing_changes_history ON standing_changes (org_id, created_at);

-- An appeal of a transition, with the organization's message; an operator decides it.
CREATE TABLE standing_appeals (
  org_id          text NOT NULL REFERENCES organizations (id),
  id              text NOT NULL,
  change_id       text NOT NULL,
  message         text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'upheld', 'overturned')),
  actor           text NOT NULL,
  decided_by      text,
  decision_reason text,
  created_at      timestamptz NOT NULL,
  decided_at      timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, change_id) REFERENCES standing_changes (org_id, id)
);
CREATE INDEX standing_appeals_pending ON standing_appeals (created_at) WHERE status = 'pending';
