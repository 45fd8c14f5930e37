-- AUP 3.6, throttling (decision 0015). Each organization is on a plan that sets its request budgets; the budgets'
-- state lives in Redis when REDIS_URL is set and in throttle_state otherwise.

ALTER TABLE organizations ADD COLUMN plan text NOT NULL DEFAULT 'starter'
  CHECK (plan IN ('sandbox', 'starter', 'growth', 'enterprise'));

-- API processes cache the plan with the key (src/tenancy/api-key-cache.ts): a plan change must reach them as a
-- status change does (migration 0009).
DROP TRIGGER organizations_notify_change ON organizations;
CREATE TRIGGER organizations_notify_change AFTER UPDATE OF status, default_country, plan, id OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION notify_api_key_change();

-- One row per budget (GCRA: `until` is the theoretical arrival time, the moment the budget is full again) and per
-- block (`until` is when it ends). A row whose `until` has passed means the same as no row, so rows are swept
-- freely. Unlogged: it is rebuilt by traffic, and a crash that empties it only forgives some requests.
CREATE UNLOGGED TABLE throttle_state (
  key   text PRIMARY KEY,
  until timestamptz NOT NULL
);

-- Takes one request from every budget named, or from none: refused when a block is live or any budget is spent.
-- Budgets are locked in key order, so concurrent calls naming the same budgets cannot deadlock.
-- backlog_ms[i]: how far budget i's `until` lay ahead of now before this request (0 for a full budget).
CREATE FUNCTION throttle_take(p_keys text[], p_interval_ms float8[], p_window_ms float8[], p_block_keys text[])
RETURNS TABLE (blocked_ms float8, allowed boolean, backlog_ms float8[]) LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamptz := clock_timestamp();
  v_until timestamptz;
  v_backlog float8[] := '{}';
  v_one float8;
  v_ok boolean := true;
BEGIN
  SELECT max(s.until) INTO v_until FROM throttle_state s WHERE s.key = ANY (p_block_keys) AND s.until > v_now;
  IF v_until IS NOT NULL THEN
    RETURN QUERY SELECT extract(epoch FROM v_until - v_now)::float8 * 1000, false, NULL::float8[];
    RETURN;
  END IF;
  INSERT INTO throttle_state (key, until) SELECT k, v_now FROM unnest(p_keys) AS k ORDER BY k ON CONFLICT (key) DO NOTHING;
  PERFORM 1 FROM throttle_state s WHERE s.key = ANY (p_keys) ORDER BY s.key FOR UPDATE;
  FOR i IN 1 .. coalesce(array_length(p_keys, 1), 0) LOOP
    SELECT greatest(0, extract(epoch FROM s.until - v_now)::float8 * 1000) INTO v_one FROM throttle_state s WHERE s.key = p_keys[i];
    v_backlog := v_backlog || v_one;
    -- The microsecond of slack absorbs float rounding: q requests at q/w must all fit in w.
    IF v_one + p_interval_ms[i] > p_window_ms[i] + 0.001 THEN v_ok := false; END IF;
  END LOOP;
  IF v_ok THEN
    UPDATE throttle_state s SET until = v_now + make_interval(secs => (b.backlog + b.step) / 1000)
    FROM unnest(p_keys, v_backlog, p_interval_ms) AS b (key, backlog, step) WHERE s.key = b.key;
  END IF;
  RETURN QUERY SELECT NULL::float8, v_ok, v_backlog;
END $$;

-- Counts one failed authentication against each failure budget named (always: failures are not refused, they are
-- counted); a budget spent beyond its window starts its block, p_block_keys[i]. When a block is already live,
-- nothing is counted. blocks_ms[i]: how long block i lasts from now (0: none); backlog_ms[i]: budget i's backlog
-- after this failure, or NULL when a live block meant nothing was counted.
CREATE FUNCTION throttle_fail(p_keys text[], p_interval_ms float8[], p_window_ms float8[], p_block_keys text[], p_block_ms float8)
RETURNS TABLE (blocks_ms float8[], backlog_ms float8[]) LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamptz := clock_timestamp();
  v_blocks float8[];
  v_backlog float8[] := '{}';
  v_one float8;
BEGIN
  SELECT array_agg(greatest(0, coalesce(extract(epoch FROM s.until - v_now)::float8 * 1000, 0)) ORDER BY b.i)
  INTO v_blocks FROM unnest(p_block_keys) WITH ORDINALITY AS b (key, i) LEFT JOIN throttle_state s ON s.key = b.key;
  IF EXISTS (SELECT 1 FROM unnest(v_blocks) AS x WHERE x > 0) THEN
    RETURN QUERY SELECT v_blocks, NULL::float8[];
    RETURN;
  END IF;
  v_blocks := '{}';
  FOR i IN 1 .. coalesce(array_length(p_keys, 1), 0) LOOP
    INSERT INTO throttle_state AS s (key, until) VALUES (p_keys[i], v_now + make_interval(secs => p_interval_ms[i] / 1000))
    ON CONFLICT (key) DO UPDATE SET until = greatest(s.until, v_now) + make_interval(secs => p_interval_ms[i] / 1000)
    RETURNING extract(epoch FROM s.until - v_now)::float8 * 1000 INTO v_one;
    v_backlog := v_backlog || v_one;
    IF v_one > p_window_ms[i] + 0.001 THEN
      INSERT INTO throttle_state AS s (key, until) VALUES (p_block_keys[i], v_now + make_interval(secs => p_block_ms / 1000))
      ON CONFLICT (key) DO UPDATE SET until = excluded.until;
      v_blocks := v_blocks || p_block_ms;
    ELSE
      v_blocks := v_blocks || 0::float8;
    END IF;
  END LOOP;
  RETURN QUERY SELECT v_blocks, v_backlog;
END $$;

-- Refused requests are compliance signals (`throttled`, clause 3.6) aggregated per API key per minute
-- (src/throttling/throttle-signals.ts): several processes add their counts to one row.
CREATE UNIQUE INDEX compliance_signals_throttled ON compliance_signals (org_id, (detail ->> 'key_id'), occurred_at)
  WHERE kind = 'throttled';
