-- What the dashboard's views read (issue 9): counts per local day, and one contact's thread.
-- The overview counts an organization's messages per day by created_at, one index range per day; the status and
-- direction ride along so the counts come from the index alone. messages_list (org_id, id) orders by id, which
-- for inbound messages is when they were processed, not the customer's timestamp the days are counted by.
CREATE INDEX messages_created ON messages (org_id, created_at) INCLUDE (direction, status);
-- A contact's messages newest first (the inbox thread), and "is there a newer message of this contact?" for the
-- conversation list, which walks messages_list and keeps each contact's latest.
CREATE INDEX messages_contact ON messages (org_id, contact_id, id DESC);
