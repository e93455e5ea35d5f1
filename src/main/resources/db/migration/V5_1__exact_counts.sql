-- Counters that stay exact for ever.

-- ---- The zone the counts are bucketed in, kept with them ----
-- One row. The application refuses to start when gatepost.time-zone differs from it while
-- counts exist: a silent change would move the buckets and let voids drive counts negative.
CREATE TABLE installation (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    time_zone  text        NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO installation (time_zone) VALUES ('${gatepost_time_zone}');

-- The counts are rebuilt once from the entries, in that zone, so that they equal a GROUP BY
-- over the entries before the checks below hold them there.
TRUNCATE entry_hourly, entry_daily;
INSERT INTO entry_hourly (checkpoint_id, hour, entries, persons, entries_in, entries_out, admitted, refused, referred,
                          green, yellow, red, no_phone, unreadable, paper_pass, fevers)
SELECT checkpoint_id, date_trunc('hour', occurred_at, '${gatepost_time_zone}'),
       count(*), sum(party_size),
       count(*) FILTER (WHERE direction = 'IN'), count(*) FILTER (WHERE direction = 'OUT'),
       count(*) FILTER (WHERE decision = 'ADMITTED'), count(*) FILTER (WHERE decision = 'REFUSED'),
       count(*) FILTER (WHERE decision = 'REFERRED'),
       count(*) FILTER (WHERE health_code = 'GREEN'), count(*) FILTER (WHERE health_code = 'YELLOW'),
       count(*) FILTER (WHERE health_code = 'RED'), count(*) FILTER (WHERE health_code = 'NO_PHONE'),
       count(*) FILTER (WHERE health_code = 'UNREADABLE'), count(*) FILTER (WHERE health_code = 'PAPER_PASS'),
       count(*) FILTER (WHERE fever)
FROM entry WHERE voided_at IS NULL
GROUP BY 1, 2;
INSERT INTO entry_daily (checkpoint_id, day, entries, persons, entries_in, entries_out, admitted, refused, referred,
                         green, yellow, red, no_phone, unreadable, paper_pass, fevers)
SELECT checkpoint_id, CAST(hour AT TIME ZONE '${gatepost_time_zone}' AS date),
       sum(entries), sum(persons), sum(entries_in), sum(entries_out), sum(admitted), sum(refused), sum(referred),
       sum(green), sum(yellow), sum(red), sum(no_phone), sum(unreadable), sum(paper_pass), sum(fevers)
FROM entry_hourly
GROUP BY 1, 2;

ALTER TABLE entry_hourly ADD CONSTRAINT entry_hourly_counts_not_negative CHECK (
    entries >= 0 AND persons >= 0 AND entries_in >= 0 AND entries_out >= 0 AND admitted >= 0 AND refused >= 0
    AND referred >= 0 AND green >= 0 AND yellow >= 0 AND red >= 0 AND no_phone >= 0 AND unreadable >= 0
    AND paper_pass >= 0 AND fevers >= 0);
ALTER TABLE entry_daily ADD CONSTRAINT entry_daily_counts_not_negative CHECK (
    entries >= 0 AND persons >= 0 AND entries_in >= 0 AND entries_out >= 0 AND admitted >= 0 AND refused >= 0
    AND referred >= 0 AND green >= 0 AND yellow >= 0 AND red >= 0 AND no_phone >= 0 AND unreadable >= 0
    AND paper_pass >= 0 AND fevers >= 0);
