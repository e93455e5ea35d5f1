-- What each entry costs to write, questioned against what reads it (NOTES-ingest.md lists
-- every index and foreign key of entry with its verdict).

-- The newest entries of a place are always within one county (every place has one): the
-- list reads them by county, newest first, which is also the order a Citus shard keeps.
-- Replaces the installation-wide time index, which nothing else reads.
DROP INDEX entry_time;
CREATE INDEX entry_county_time ON entry (county_id, occurred_at DESC, id DESC);

-- The village is the checkpoint's parent, which never changes (a checkpoint cannot move): the
-- checkpoint's key already guarantees it. Checking it again took a row lock on the village
-- for every entry.
ALTER TABLE entry DROP CONSTRAINT entry_village_id_fkey;
-- The shift is found by the insert itself, in the same statement, from the shift table; shifts
-- are never deleted. Its check locked the shift's row for every entry of every volunteer on it.
ALTER TABLE entry DROP CONSTRAINT entry_shift_id_fkey;
