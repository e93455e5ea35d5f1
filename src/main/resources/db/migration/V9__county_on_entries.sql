-- The county of every entry, count and alert, kept with the row: the column that a
-- scale-out engine (Citus) distributes these tables by, so that one county's entries, counts
-- and alerts live together and a gate's insert touches one shard. Added now, before the
-- tables grow: adding and filling a NOT NULL column later means rewriting billions of rows.
-- Every key of these tables includes it (deploy/SCALING.md, NOTES-ingest.md).

-- A place's county is the first label of its path (the tree's root; ids as hex labels).
CREATE FUNCTION place_county(path ltree) RETURNS uuid
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CAST(ltree2text(subltree(path, 0, 1)) AS uuid);

ALTER TABLE entry ADD COLUMN county_id uuid;
UPDATE entry e SET county_id = place_county(c.path) FROM place c WHERE c.id = e.checkpoint_id;
ALTER TABLE entry ALTER COLUMN county_id SET NOT NULL;
ALTER TABLE entry ADD CONSTRAINT entry_county_fk FOREIGN KEY (county_id) REFERENCES place (id);

ALTER TABLE entry_hourly ADD COLUMN county_id uuid;
UPDATE entry_hourly h SET county_id = place_county(c.path) FROM place c WHERE c.id = h.checkpoint_id;
ALTER TABLE entry_hourly ALTER COLUMN county_id SET NOT NULL;
ALTER TABLE entry_hourly ADD CONSTRAINT entry_hourly_county_fk FOREIGN KEY (county_id) REFERENCES place (id);

ALTER TABLE entry_daily ADD COLUMN county_id uuid;
UPDATE entry_daily d SET county_id = place_county(c.path) FROM place c WHERE c.id = d.checkpoint_id;
ALTER TABLE entry_daily ALTER COLUMN county_id SET NOT NULL;
ALTER TABLE entry_daily ADD CONSTRAINT entry_daily_county_fk FOREIGN KEY (county_id) REFERENCES place (id);

ALTER TABLE alert ADD COLUMN county_id uuid;
UPDATE alert a SET county_id = place_county(c.path) FROM place c WHERE c.id = a.checkpoint_id;
ALTER TABLE alert ALTER COLUMN county_id SET NOT NULL;
ALTER TABLE alert ADD CONSTRAINT alert_county_fk FOREIGN KEY (county_id) REFERENCES place (id);

-- Keys that include the county. The county is a function of the checkpoint, so each key
-- identifies exactly what it did before; the county comes last so that the lookups by id or
-- by checkpoint keep using the index's leading columns.
--
-- An entry: (id, county_id). The same entry resent names the same checkpoint, hence the same
-- county, so the insert's ON CONFLICT (id, county_id) keeps it exactly-once; the insert also
-- skips an id already stored under any county (EntryRepository.INSERT), so an id reused in
-- another county is still a 409 rather than a second entry.
ALTER TABLE alert DROP CONSTRAINT alert_entry_id_fkey;
ALTER TABLE alert DROP CONSTRAINT alert_entry_id_key;
ALTER TABLE entry DROP CONSTRAINT entry_pkey;
ALTER TABLE entry ADD PRIMARY KEY (id, county_id);
ALTER TABLE alert DROP CONSTRAINT alert_pkey;
ALTER TABLE alert ADD PRIMARY KEY (id, county_id);
ALTER TABLE alert ADD CONSTRAINT alert_entry_key UNIQUE (entry_id, county_id);
ALTER TABLE alert ADD CONSTRAINT alert_entry_fk FOREIGN KEY (entry_id, county_id) REFERENCES entry (id, county_id);

ALTER TABLE entry_hourly DROP CONSTRAINT entry_hourly_pkey;
ALTER TABLE entry_hourly ADD PRIMARY KEY (checkpoint_id, hour, county_id);
ALTER TABLE entry_daily DROP CONSTRAINT entry_daily_pkey;
ALTER TABLE entry_daily ADD PRIMARY KEY (checkpoint_id, day, county_id);
