-- The customer-service window is per (business phone number, customer): Meta counts it that way.
CREATE TABLE customer_windows (
  org_id          text NOT NULL,
  phone_number_id text NOT NULL,
  contact_id      text NOT NULL,
  last_inbound_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, phone_number_id, contact_id)
);

-- Media: uploads from the tenant (bytes kept here), and media customers sent (fetched from the Cloud API on
-- demand, then kept). meta_media_id is the Cloud API's id, valid for the number that uploaded or received it.
CREATE TABLE media (
  org_id          text NOT NULL REFERENCES organizations (id),
  id              text NOT NULL,
  source          text NOT NULL CHECK (source IN ('upload', 'inbound')),
  kind            text NOT NULL,
  mime_type       text NOT NULL,
  size_bytes      bigint,
  sha256          text,
  filename        text,
  bytes           bytea,
  phone_number_id text,
  meta_media_id   text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);

-- Where an upload has been handed to the Cloud API: one Meta media id per sending number (they expire).
CREATE TABLE media_uploads (
  org_id          text NOT NULL,
  media_id        text NOT NULL,
  phone_number_id text NOT NULL,
  meta_media_id   text NOT NULL,
  uploaded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, media_id, phone_number_id),
  FOREIGN KEY (org_id, media_id) REFERENCES media (org_id, id)
);
