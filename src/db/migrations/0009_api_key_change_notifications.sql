-- API processes cache authenticated keys (src/tenancy/api-key-cache.ts). Every change that can end a key's
-- authority notifies them from inside the writing transaction, so no writer (CLI, API, an operator's SQL) can
-- forget to, and listeners hear of it only once it is committed. last_used_at writes notify nobody.
CREATE FUNCTION notify_api_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- OLD: the identity the caches know (UPDATE and DELETE both have it).
  IF TG_TABLE_NAME = 'organizations' THEN
    PERFORM pg_notify('api_key_changes', json_build_object('org', OLD.id)::text);
  ELSE
    PERFORM pg_notify('api_key_changes', json_build_object('org', OLD.org_id, 'key', OLD.id)::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER api_keys_notify_change AFTER UPDATE OF revoked_at, scopes, mode, key_hash, org_id, id OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION notify_api_key_change();
CREATE TRIGGER organizations_notify_change AFTER UPDATE OF status, default_country, id OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION notify_api_key_change();
