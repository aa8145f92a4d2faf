-- Current state: one row per object, body is the full JSON with metadata.resourceVersion = rv.
CREATE TABLE objects (
  resource  TEXT    NOT NULL,
  namespace TEXT    NOT NULL,
  name      TEXT    NOT NULL,
  uid       TEXT    NOT NULL,
  rv        INTEGER NOT NULL,
  body      TEXT    NOT NULL,
  PRIMARY KEY (resource, namespace, name)
) STRICT;

-- The append-only log: rowid is the resourceVersion. prev_body is the state the change replaced, which lets a
-- paginated list read the snapshot at an older revision for as long as the log still covers it.
CREATE TABLE events (
  rv        INTEGER PRIMARY KEY AUTOINCREMENT,
  resource  TEXT    NOT NULL,
  namespace TEXT    NOT NULL,
  name      TEXT    NOT NULL,
  type      TEXT    NOT NULL CHECK (type IN ('ADDED', 'MODIFIED', 'DELETED')),
  body      TEXT    NOT NULL,
  prev_body TEXT
) STRICT;

CREATE INDEX events_by_key ON events (resource, namespace, name, rv);

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

INSERT INTO meta (key, value) VALUES ('compacted_rv', '0');
