-- Dashboard sessions (issue 9; decision 0026). A browser signs in with email and password and holds a random token
-- (~190 bits) in the xp_session cookie. As for API keys, only the token's SHA-256 is kept: a reader of this table
-- cannot act as anyone. The CSRF token is not stored either: it is HMAC-SHA256 of the session token under a key
-- derived from the master key, recomputed from the cookie on each request.
CREATE TABLE sessions (
  id           text PRIMARY KEY,
  token_hash   text NOT NULL UNIQUE,
  user_id      text NOT NULL REFERENCES users (id),
  -- The organization the session acts for; null for an operator who belongs to none (or a user with no organization).
  org_id       text REFERENCES organizations (id),
  ip           text,
  user_agent   text,
  created_at   timestamptz NOT NULL,
  -- Written at most every minute or so: the idle timeout counts from here.
  last_seen_at timestamptz NOT NULL,
  -- The absolute end, however active the session is.
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);
