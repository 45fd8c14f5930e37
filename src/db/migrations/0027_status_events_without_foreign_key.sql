-- message_status_events referenced messages by a foreign key. Its check is a lookup that each pooled connection plans
-- once and keeps: planned while messages was still empty (a new installation, the bench), it is a sequential scan,
-- and every status event then reads the whole table until an analyze re-plans it — measured: sends fell from ~1,900
-- to ~1,300/s and batches from ~26,000 to under 1,000 messages/s after 15,000 messages. Every writer inserts a
-- message's events in the statement or transaction that inserts or updates the message itself, and nothing deletes
-- messages; test/messaging/status-events-integrity.test.ts checks there are no orphan events (decision 0028).
ALTER TABLE message_status_events DROP CONSTRAINT message_status_events_org_id_message_id_fkey;
