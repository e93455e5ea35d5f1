-- What the gate's statement reads its rows from (issue 11): one array of this type, one element
-- per entry, instead of one array per column.
--
-- Thirty parallel arrays cost PostgreSQL thirty array parses, thirty casts of every element from
-- text, and thirty functions zipped by unnest, each into a store of its own: for one entry, the
-- gate's usual statement, more than the rest of the statement's reading. Measured alone (4
-- clients, the values as the application sends them): 54-59 µs of PostgreSQL CPU per statement
-- for one entry as this type against 265-267 as thirty arrays, and 9 µs a row against 10-12 for
-- 500 entries.
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
