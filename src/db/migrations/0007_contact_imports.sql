-- Contact imports: the uploaded CSV kept in the database in fixed-size chunks (any worker process can read it),
-- the import job with its progress, and the rows it rejected. A worker holds an import through a lease and
-- commits it batch by batch; next_offset is the byte where the first row not yet committed starts, so a worker
-- that takes over after a crash resumes there. Decision 0010.

CREATE TABLE contact_imports (
  org_id        text NOT NULL REFERENCES organizations (id),
  id            text NOT NULL,
  status        text NOT NULL CHECK (status IN ('uploading', 'queued', 'processing', 'completed', 'failed')),
  filename      text,
  size_bytes    bigint NOT NULL DEFAULT 0,
  chunk_bytes   integer NOT NULL,
  chunk_count   integer NOT NULL DEFAULT 0,
  header        text[],
  mapping       jsonb,
  consent       jsonb,
  actor         text NOT NULL,
  -- Where the next batch starts: a byte offset into the file and that row's number (the header is row 1).
  next_offset   bigint NOT NULL DEFAULT 0,
  next_row      bigint NOT NULL DEFAULT 2,
  rows_read     bigint NOT NULL DEFAULT 0,
  created       bigint NOT NULL DEFAULT 0,
  updated       bigint NOT NULL DEFAULT 0,
  rejected      bigint NOT NULL DEFAULT 0,
  duplicates    bigint NOT NULL DEFAULT 0,
  consents      bigint NOT NULL DEFAULT 0,
  error         jsonb,
  lease_token   text,
  lease_until   timestamptz,
  -- Claims since the last committed batch: an import that keeps failing without progress stops.
  attempts      integer NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX contact_imports_list ON contact_imports (org_id, id DESC);
CREATE INDEX contact_imports_pending ON contact_imports (created_at) WHERE status IN ('queued', 'processing');
CREATE INDEX contact_imports_uploading ON contact_imports (created_at) WHERE status = 'uploading';

-- The file, as uploaded (less a UTF-8 byte-order mark); removed when the import finishes.
CREATE TABLE contact_import_chunks (
  org_id     text NOT NULL,
  import_id  text NOT NULL,
  seq        integer NOT NULL,
  bytes      bytea NOT NULL,
  PRIMARY KEY (org_id, import_id, seq),
  FOREIGN KEY (org_id, import_id) REFERENCES contact_imports (org_id, id) ON DELETE CASCADE
);

-- Rows the import refused, with their original cells (kept as plain text; neutralized when exported) and why.
CREATE TABLE contact_import_rejections (
  org_id      text NOT NULL,
  import_id   text NOT NULL,
  row_number  bigint NOT NULL,
  reason      text NOT NULL,
  cells       jsonb NOT NULL,
  PRIMARY KEY (org_id, import_id, row_number),
  FOREIGN KEY (org_id, import_id) REFERENCES contact_imports (org_id, id) ON DELETE CASCADE
);
