-- Every create used to touch two B-trees at a random place (the objects key index and the log's per-object index),
-- each a page of its own in the commit. The objects table now is its key (no rowid table beside a key index), and
-- the log is indexed by resource and revision, where new entries land at the end: one page shared by a whole batch.
CREATE TABLE objects_by_key (
  resource  TEXT    NOT NULL,
  namespace TEXT    NOT NULL,
  name      TEXT    NOT NULL,
  uid       TEXT    NOT NULL,
  rv        INTEGER NOT NULL,
  PRIMARY KEY (resource, namespace, name)
) STRICT, WITHOUT ROWID;

INSERT INTO objects_by_key (resource, namespace, name, uid, rv) SELECT resource, namespace, name, uid, rv FROM objects;
DROP TABLE objects;
ALTER TABLE objects_by_key RENAME TO objects;
CREATE INDEX objects_by_rv ON objects (rv);

-- Paginated lists at an older revision and watch replays read a resource's log from a revision on.
DROP INDEX events_by_key;
CREATE INDEX events_by_resource ON events (resource, rv, namespace, name);
