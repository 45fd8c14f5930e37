-- Opt-in capture and opt-out handling: a confirmation text of its own for a marketing-only opt-out, and the
-- per-address counters that rate-limit the public hosted opt-in form.

ALTER TABLE consent_settings ADD COLUMN marketing_opt_out_confirmation text;

-- Submissions of an organization's hosted opt-in form per client address, in fixed one-hour windows: the row
-- is reset when its window has passed, so it never grows beyond one row per (organization, address).
CREATE TABLE opt_in_form_attempts (
  org_id       text NOT NULL REFERENCES organizations (id),
  ip           text NOT NULL,
  window_start timestamptz NOT NULL,
  attempts     integer NOT NULL,
  PRIMARY KEY (org_id, ip)
);

