-- The audit log (issue 8, item 7): who changed what, append-only and hash-chained — one chain per organization
-- and one for the platform's operators (chain 'operator', org_id NULL). Same design as the consent ledger
-- (0006): seq without gaps, prev_hash → hash, a head row per chain that appends lock. The chain covers a digest
-- of the detail, not the detail. See docs/decisions/0018-audit-log.md.

CREATE TABLE audit_log (
  chain         text NOT NULL,
  seq           bigint NOT NULL CHECK (seq >= 1),
  org_id        text REFERENCES organizations (id),
  action        text NOT NULL,
  actor         text NOT NULL,
  subject       text,
  detail        jsonb NOT NULL,
  -- SHA-256 of the canonical detail: what the chain covers.
  detail_digest text NOT NULL,
  request_id    text,
  recorded_at   timestamptz NOT NULL,
  prev_hash     text NOT NULL,
  hash          text NOT NULL,
  PRIMARY KEY (chain, seq),
  CHECK ((org_id IS NULL AND chain = 'operator') OR chain = org_id)
);
CREATE INDEX audit_log_action ON audit_log (chain, action, seq);
CREATE INDEX audit_log_actor ON audit_log (chain, actor, seq);
CREATE INDEX audit_log_recorded_at ON audit_log (chain, recorded_at);

CREATE TABLE audit_chain_heads (
  chain text PRIMARY KEY,
  seq   bigint NOT NULL,
  hash  text NOT NULL
);

-- Append-only for the application and for anyone's slip in psql: rows cannot be updated or deleted without
-- first disabling this trigger, which takes the table's owner. The chain is what detects that someone did.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Keys created with every scope get the new one, as keys created from now on do (createApiKey's default).
UPDATE api_keys SET scopes = scopes || ARRAY['audit:read']
WHERE scopes @> ARRAY['messages:write', 'messages:read', 'templates:write', 'templates:read', 'contacts:write', 'contacts:read',
  'phone_numbers:write', 'phone_numbers:read', 'webhooks:write', 'webhooks:read']
  AND NOT ('audit:read' = ANY (scopes));
