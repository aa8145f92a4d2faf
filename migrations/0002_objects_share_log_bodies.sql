-- Current state no longer keeps its own copy of each object: objects.rv points at the log entry that wrote it, and
-- compaction keeps those entries. Halves what every write stores.
-- Entries of objects unchanged since before a compaction were trimmed from the log; put them back first (their
-- rv is at or below the compacted revision, so no watch replays them).
INSERT INTO events (rv, resource, namespace, name, type, body, prev_body)
  SELECT o.rv, o.resource, o.namespace, o.name, 'ADDED', o.body, NULL FROM objects o
  WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.rv = o.rv);

CREATE INDEX objects_by_rv ON objects (rv);

ALTER TABLE objects DROP COLUMN body;
