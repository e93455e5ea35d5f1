-- What the gate's statement reads its rows from (issue 11): one array of this type, one element
-- per entry, instead of one array per column.
--
-- Thirty parallel arrays cost PostgreSQL thirty array parses, thirty casts of every element from
-- text, and thirty functions zipped by unnest, each into a store of its own. Reading one entry,
-- alone (4 clients, a prepared statement, the values bound as text): 116-126 µs of PostgreSQL
-- CPU per statement as thirty arrays, 27 as one array of this type; 500 entries, with the
-- values written into the statement: 10-12 µs a row as arrays, 9 as this type. Through the API
-- the difference is smaller than the machine's noise in requests per second (the driver sends
-- the thirty arrays in binary): PostgreSQL's CPU per single entry was 212 and 261 µs against 225
-- and 292 for the build before V24 and this, in two alternating pairs of bench/ingest.sh runs.
--
-- The attributes are the columns the insert writes, in the order of their components in
-- org.gatepost.entry.EntryRow (EntryInputTypeTest checks that they agree), with the columns'
-- base types: the rules are the columns' own (V24), checked as the rows go in.
CREATE TYPE entry_input AS (
    id                     uuid,
    county_id              uuid,
    checkpoint_id          uuid,
    village_id             uuid,
    occurred_at            timestamptz,
    occurred_offset        int,
    received_at            timestamptz,
    direction              text,
    resident               boolean,
    party_size             int,
    health_code            text,
    health_code_read       text,
    temperature            numeric,
    fever                  boolean,
    decision               text,
    reason_code            text,
    reason                 text,
    note                   text,
    visitor_origin         text,
    visitor_purpose        text,
    visitor_name           text,
    visitor_phone_last4    text,
    visitor_phone_hash     bytea,
    visitor_plate          text,
    content_hash           bytea,
    content_digest_version int,
    recorded_by            uuid,
    pass_household_id      uuid,
    pass_serial            int
);
