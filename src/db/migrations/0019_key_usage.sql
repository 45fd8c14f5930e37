-- Credential misuse (AUP 3.4, 3.6; decision 0021). Where each API key is used from, by network (IPv4 /24, IPv6
-- /48), aggregated in memory by each API process and written every few seconds in one statement; the alerts
-- already sent, so one key raises one alert per window; and an optional allow-list of source networks per key.

-- NULL: any source. The key cache reads it with the key, so a change must reach the caches like a revocation.
ALTER TABLE api_keys ADD COLUMN allowed_cidrs text[];

DROP TRIGGER api_keys_notify_change ON api_keys;
CREATE TRIGGER api_keys_notify_change AFTER UPDATE OF revoked_at, scopes, mode, key_hash, org_id, id, allowed_cidrs OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION notify_api_key_change();

CREATE TABLE api_key_networks (
  org_id           text NOT NULL,
  key_id           text NOT NULL,
  -- 203.0.113.0/24 or 2001:db8:1::/48: offices and VPNs rotate addresses within one.
  network          text NOT NULL,
  -- ISO 3166-1 alpha-2 from KEY_USAGE_COUNTRY_FILE; NULL when no mapping is configured or it does not know the network.
  country          text,
  first_seen_at    timestamptz NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  requests         bigint NOT NULL DEFAULT 0,
  -- Attempts with the key after it was revoked (refused with 401): someone still holds it.
  revoked_requests bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, key_id, network),
  FOREIGN KEY (org_id, key_id) REFERENCES api_keys (org_id, id)
);
CREATE INDEX api_key_networks_recent ON api_key_networks (org_id, key_id, last_seen_at);
CREATE INDEX api_key_networks_by_network ON api_key_networks (org_id, network);
CREATE INDEX api_key_networks_sweep ON api_key_networks (last_seen_at);

-- One alert per key, kind and window, whichever process detects it first (the upsert is the arbiter).
CREATE TABLE api_key_alerts (
  org_id      text NOT NULL,
  key_id      text NOT NULL,
  kind        text NOT NULL,
  alerted_at  timestamptz NOT NULL,
  PRIMARY KEY (org_id, key_id, kind),
  FOREIGN KEY (org_id, key_id) REFERENCES api_keys (org_id, id)
);

-- Listing keys is in the default scopes (api_keys:read); existing keys holding every default scope get it too.
-- api_keys:write (allow-lists) is never a default: a leaked key must not be able to widen its own allow-list.
UPDATE api_keys SET scopes = scopes || ARRAY['api_keys:read']
WHERE scopes @> ARRAY['messages:write', 'messages:read', 'templates:write', 'templates:read', 'contacts:write', 'contacts:read',
  'phone_numbers:write', 'phone_numbers:read', 'webhooks:write', 'webhooks:read', 'audit:read']
  AND NOT ('api_keys:read' = ANY (scopes));
