-- objects_by_rv served only compaction, which keeps the log entries objects still point at. Every write paid for it
-- (an insert and, per commit, a page of the write-ahead log); without it a compaction scans the objects table once,
-- about as fast as probing the index for every entry it keeps.
DROP INDEX objects_by_rv;
