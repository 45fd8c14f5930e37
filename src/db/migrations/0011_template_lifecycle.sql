-- Template lifecycle (decision 0013): drafts written here and submitted to the Cloud API, Meta's review and
-- quality webhooks applied in Meta's time order, every status change kept, edits counted for Meta's limits.

ALTER TABLE templates
  ADD COLUMN options           jsonb NOT NULL DEFAULT '{}',  -- create fields beyond the components: allow_category_change, message_send_ttl_seconds…
  ADD COLUMN previous_category text,
  ADD COLUMN rejection_info    jsonb,
  ADD COLUMN status_detail     jsonb,                       -- other_info / disable_info of the last applied status event
  -- Meta's time (whole seconds) and rank of the status event now stored: a webhook older than this, or of the same
  -- second and lower rank, is history only. NULL: never reported by Meta (a draft).
  ADD COLUMN status_at         timestamptz,
  ADD COLUMN status_rank       integer NOT NULL DEFAULT 0,
  ADD COLUMN quality_at        timestamptz,
  ADD COLUMN category_at       timestamptz,
  ADD COLUMN submitted_at      timestamptz;

CREATE INDEX templates_meta_id ON templates (org_id, account_id, meta_template_id) WHERE meta_template_id IS NOT NULL;

-- Every status, quality and category event about a template, applied or not, deduplicated on what Meta sent.
CREATE TABLE template_status_events (
  org_id          text NOT NULL,
  id              bigint GENERATED ALWAYS AS IDENTITY,
  template_id     text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('status', 'quality', 'category', 'components')),
  event           text NOT NULL,         -- APPROVED, FLAGGED…; a quality score; a category
  previous        text,                  -- what was stored before, when the event was applied
  reason          text,
  details         jsonb NOT NULL DEFAULT '{}',
  source          text NOT NULL CHECK (source IN ('api', 'webhook', 'sync')),
  meta_time       timestamptz,
  applied         boolean NOT NULL,
  dedupe_key      text NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, template_id, dedupe_key),
  FOREIGN KEY (org_id, template_id) REFERENCES templates (org_id, id) ON DELETE CASCADE
);
CREATE INDEX template_status_events_template ON template_status_events (org_id, template_id, id);

-- Edits sent to Meta, for its limits on approved templates (one per 24 hours, ten per 30 days).
CREATE TABLE template_edits (
  org_id      text NOT NULL,
  template_id text NOT NULL,
  edited_at   timestamptz NOT NULL DEFAULT now(),
  from_status text NOT NULL,
  PRIMARY KEY (org_id, template_id, edited_at),
  FOREIGN KEY (org_id, template_id) REFERENCES templates (org_id, id) ON DELETE CASCADE
);
