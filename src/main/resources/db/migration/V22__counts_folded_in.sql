-- Entries are counted by a fold, not by their insert (issue 11).
--
-- Until now every insert also upserted its hourly and daily rows in the same transaction:
-- two more writes per entry, and concurrent entries at one gate waited for each other's
-- commit on the same counter rows (about 40% of the insert's cost at 64 connections). Now an
-- insert writes the entry alone, stamped with its transaction's id, and a fold that runs every
-- second on one instance (EntryFold) adds every finished transaction's entries to the counts.
-- The figures stay exact at every moment: readers use the *_exact views below, which add the
-- entries not folded yet to the folded counts, in one snapshot.
--
-- How the fold knows which entries are final: it folds the entries whose transaction id is
-- below its snapshot's xmin. Every transaction below xmin has ended, so each such entry is
-- either committed and visible to the fold, or was never written; none can appear later. The
-- bound it reached is kept in entry_fold, updated in the same transaction as the counts.
--
-- Entries written before this migration were counted by their insert, and keep a NULL id:
-- they are never folded. (An instance of the previous version, still running during a
-- rolling upgrade, also writes NULL and counts its entries itself; but its voids would take
-- out entries not folded yet: do not void from an old instance once this has run.)
ALTER TABLE entry ADD COLUMN written_xid xid8;
-- The fold's and the exact views' way to the entries not folded yet: the newest few.
CREATE INDEX entry_unfolded ON entry (written_xid);

CREATE TABLE entry_fold (
    singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    -- every entry with a transaction id below this one is in the counts
    folded_below xid8        NOT NULL,
    folded_at    timestamptz NOT NULL DEFAULT now()
);
-- No entry written by the new code can have an id below this transaction's.
INSERT INTO entry_fold (folded_below) VALUES (pg_current_xact_id());

-- The entries the fold has not reached: the newest few. A function, so that the bound is
-- planned as the value it is (EXECUTE plans with it); joined to entry_fold or read by a
-- subquery, the bound would be planned as an unknown, a third of all entries, and entry
-- scanned whole. STABLE: it reads with its caller's snapshot, the one the folded counts
-- beside it are read with.
CREATE FUNCTION entries_not_folded() RETURNS SETOF entry
    LANGUAGE plpgsql STABLE ROWS 1000 AS $$
BEGIN
    RETURN QUERY EXECUTE 'SELECT * FROM entry WHERE written_xid >= $1' USING (SELECT folded_below FROM entry_fold);
END
$$;

-- The exact counts: what is folded, plus the live entries not folded yet, bucketed in the
-- installation's zone (the one the counts are kept in). Same columns as the tables.
CREATE VIEW entry_hourly_exact AS
SELECT checkpoint_id, hour, county_id, entries, persons, entries_in, entries_out, admitted, refused, referred,
       green, yellow, red, no_phone, unreadable, paper_pass, fevers
FROM entry_hourly
UNION ALL
SELECT e.checkpoint_id, date_trunc('hour', e.occurred_at, i.time_zone), e.county_id,
       count(*), sum(e.party_size),
       count(*) FILTER (WHERE e.direction = 'IN'), count(*) FILTER (WHERE e.direction = 'OUT'),
       count(*) FILTER (WHERE e.decision = 'ADMITTED'), count(*) FILTER (WHERE e.decision = 'REFUSED'),
       count(*) FILTER (WHERE e.decision = 'REFERRED'),
       count(*) FILTER (WHERE e.health_code = 'GREEN'), count(*) FILTER (WHERE e.health_code = 'YELLOW'),
       count(*) FILTER (WHERE e.health_code = 'RED'), count(*) FILTER (WHERE e.health_code = 'NO_PHONE'),
       count(*) FILTER (WHERE e.health_code = 'UNREADABLE'), count(*) FILTER (WHERE e.health_code = 'PAPER_PASS'),
       count(*) FILTER (WHERE e.fever)
FROM entries_not_folded() e
CROSS JOIN installation i
WHERE e.voided_at IS NULL
GROUP BY 1, 2, 3;

CREATE VIEW entry_daily_exact AS
SELECT checkpoint_id, day, county_id, entries, persons, entries_in, entries_out, admitted, refused, referred,
       green, yellow, red, no_phone, unreadable, paper_pass, fevers
FROM entry_daily
UNION ALL
SELECT e.checkpoint_id, CAST(e.occurred_at AT TIME ZONE i.time_zone AS date), e.county_id,
       count(*), sum(e.party_size),
       count(*) FILTER (WHERE e.direction = 'IN'), count(*) FILTER (WHERE e.direction = 'OUT'),
       count(*) FILTER (WHERE e.decision = 'ADMITTED'), count(*) FILTER (WHERE e.decision = 'REFUSED'),
       count(*) FILTER (WHERE e.decision = 'REFERRED'),
       count(*) FILTER (WHERE e.health_code = 'GREEN'), count(*) FILTER (WHERE e.health_code = 'YELLOW'),
       count(*) FILTER (WHERE e.health_code = 'RED'), count(*) FILTER (WHERE e.health_code = 'NO_PHONE'),
       count(*) FILTER (WHERE e.health_code = 'UNREADABLE'), count(*) FILTER (WHERE e.health_code = 'PAPER_PASS'),
       count(*) FILTER (WHERE e.fever)
FROM entries_not_folded() e
CROSS JOIN installation i
WHERE e.voided_at IS NULL
GROUP BY 1, 2, 3;

-- The county of an entry is its checkpoint's (the first label of the checkpoint's path), and
-- the checkpoint's own key already guarantees that place exists. Checking the county again
-- locked one row, the county's, for every entry of the county: at 64 connections every insert
-- queued on it (a multixact per insert).
ALTER TABLE entry DROP CONSTRAINT entry_county_fk;
