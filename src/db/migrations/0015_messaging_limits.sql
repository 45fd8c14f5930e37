-- Meta's messaging limit: unique users reached by business-initiated messages in a moving 24 hours, per
-- business portfolio (one organization here). A row per recipient once reached; `counted` while it is part of
-- the meter's total. The meter's total is an upper bound between expiries and exact when it decides a refusal.
CREATE TABLE initiated_recipients (
  org_id     text NOT NULL,
  contact_id text NOT NULL,
  last_at    timestamptz NOT NULL,
  counted    boolean NOT NULL DEFAULT true,
  PRIMARY KEY (org_id, contact_id)
);
CREATE INDEX initiated_recipients_window ON initiated_recipients (org_id, last_at) WHERE counted;

CREATE TABLE messaging_meters (
  org_id    text PRIMARY KEY REFERENCES organizations (id),
  in_window integer NOT NULL DEFAULT 0
);
