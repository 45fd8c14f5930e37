-- messages_list (org_id, id DESC) repeats the primary key (org_id, id), which a B-tree scans in either direction:
-- every message insert and status update paid for a second copy of the same order (found by EXPLAIN while adding
-- the dashboard's indexes, migration 0023). Listing newest first uses the primary key backwards.
DROP INDEX messages_list;
