-- Issue 8's leftovers. A report about an organization or a number that already has an open case joins that case
-- (decision 0025): the case's timeline says so. The standing evaluator reads only organizations with something
-- new since their last evaluation (decision 0022): when each was last evaluated, and a way to ask "rows since"
-- through the (org_id, id) keys every tenant table already has.

ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
  CHECK (kind IN ('opened', 'report_added', 'assigned', 'note', 'action', 'resolved', 'evidence_exported'));

-- When the evaluator last measured each organization: the time it started measuring, so that whatever arrived
-- while it measured is seen as new at the next round.
CREATE TABLE standing_evaluations (
  org_id       text PRIMARY KEY REFERENCES organizations (id),
  evaluated_at timestamptz NOT NULL
);

-- The smallest id of a kind created at or after `at`. Ids are ULID-shaped (src/lib/ids.ts): the prefix, then ten
-- base32 characters of Unix milliseconds, then sixteen of randomness; so `id >= id_floor('msg', t)` reads "since
-- t" from an (org_id, id) index.
CREATE FUNCTION id_floor(prefix text, at timestamptz) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT prefix || '_' || string_agg(
    substr('0123456789abcdefghjkmnpqrstvwxyz', ((floor(extract(epoch FROM at) * 1000)::bigint >> (5 * (9 - i))) & 31)::int + 1, 1),
    '' ORDER BY i) || '0000000000000000'
  FROM generate_series(0, 9) AS i
$$;
