-- Content screening on the send path (AUP 3.2, 3.4, 3.5): the verdict kept with each message it had something
-- to say about, held messages waiting for a reviewer, and each organization's own allow and deny lists.
ALTER TABLE messages ADD COLUMN screening jsonb;
CREATE INDEX messages_held ON messages (org_id, id) WHERE status = 'held';

CREATE TABLE screening_domains (
  org_id     text NOT NULL REFERENCES organizations (id),
  list       text NOT NULL CHECK (list IN ('allow', 'deny')),
  domain     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, list, domain)
);
