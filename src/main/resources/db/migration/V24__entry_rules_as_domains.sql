-- The entry's one-column rules become domains (issue 11): the same rules, checked by a cheaper
-- route.
--
-- PostgreSQL reads a table's CHECK constraints from their stored text and plans each of them
-- again at every statement that writes a row (ExecRelCheck: stringToNode, then
-- expression_planner, per constraint, per statement). Entry had 19 of them, and one entry
-- alone, the gate's usual statement, paid for all 19: in a profile of pgbench running the
-- application's own one-row statement, a tenth of PostgreSQL's CPU went to that. A domain's
-- rule is read and planned once per connection (the type cache keeps it) and checked on every
-- value written into the column, so nothing is given up: every value is checked as before, by
-- a rule of the same name (entry_direction_check, ...), with the same SQLSTATE (23514).
-- Measured on two copies of one database of 3 million entries, alternating, 4 clients: the
-- one-row statement took 281-318 µs of PostgreSQL CPU with the domains against 308-331 with
-- the table's checks, in each of six pairs; the 500-row statement the same within the noise
-- (37 against 38 µs a row).
--
-- The rules that read two columns stay on the table: a domain sees one value.
--
-- How, without rewriting entry (it holds every entry of the year, and an ACCESS EXCLUSIVE
-- rewrite would stop every gate while it runs): each column first gets a domain without a
-- rule, which PostgreSQL only notes in its catalogue (the values stay as they are); then each
-- domain gets its rule NOT VALID, so that PostgreSQL does not read every entry again to check
-- what the table's own constraints checked on every write until now (validate it at leisure
-- with ALTER DOMAIN ... VALIDATE CONSTRAINT); new values are checked from the start. Measured
-- on a copy of 3 million entries: half a second, the table's files untouched; only the small
-- index of pass outings, whose condition reads direction, is built again. The two exact-count
-- views read some of these columns, so they are made again, unchanged.

DROP VIEW entry_hourly_exact;
DROP VIEW entry_daily_exact;

CREATE DOMAIN entry_direction AS text;
CREATE DOMAIN entry_decision AS text;
CREATE DOMAIN health_code AS text;
CREATE DOMAIN health_code_read AS text;
CREATE DOMAIN refusal_reason_code AS text;
CREATE DOMAIN party_size AS integer;
CREATE DOMAIN body_temperature AS numeric(3, 1);
CREATE DOMAIN pass_serial_number AS integer;
CREATE DOMAIN text_max_4 AS text;
CREATE DOMAIN text_max_20 AS text;
CREATE DOMAIN text_max_100 AS text;
CREATE DOMAIN text_max_200 AS text;
CREATE DOMAIN text_max_500 AS text;

ALTER TABLE entry
    ALTER COLUMN direction TYPE entry_direction,
    ALTER COLUMN decision TYPE entry_decision,
    ALTER COLUMN health_code TYPE health_code,
    ALTER COLUMN health_code_read TYPE health_code_read,
    ALTER COLUMN reason_code TYPE refusal_reason_code,
    ALTER COLUMN party_size TYPE party_size,
    ALTER COLUMN temperature TYPE body_temperature,
    ALTER COLUMN pass_serial TYPE pass_serial_number,
    ALTER COLUMN visitor_phone_last4 TYPE text_max_4,
    ALTER COLUMN visitor_plate TYPE text_max_20,
    ALTER COLUMN visitor_origin TYPE text_max_100,
    ALTER COLUMN visitor_name TYPE text_max_100,
    ALTER COLUMN reason TYPE text_max_200,
    ALTER COLUMN visitor_purpose TYPE text_max_200,
    ALTER COLUMN note TYPE text_max_500,
    ALTER COLUMN void_reason TYPE text_max_500;

ALTER DOMAIN entry_direction ADD CHECK (VALUE IN ('IN', 'OUT')) NOT VALID;
ALTER DOMAIN entry_decision ADD CHECK (VALUE IN ('ADMITTED', 'REFUSED', 'REFERRED')) NOT VALID;
ALTER DOMAIN health_code ADD CHECK (VALUE IN ('GREEN', 'YELLOW', 'RED', 'NO_PHONE', 'UNREADABLE', 'PAPER_PASS')) NOT VALID;
ALTER DOMAIN health_code_read ADD CHECK (VALUE IN ('BY_EYE', 'SCANNED')) NOT VALID;
ALTER DOMAIN refusal_reason_code
    ADD CHECK (VALUE IN ('RED_CODE', 'YELLOW_CODE', 'FEVER', 'NO_HEALTH_CODE', 'NOT_REGISTERED', 'OTHER')) NOT VALID;
ALTER DOMAIN party_size ADD CHECK (VALUE BETWEEN 1 AND 20) NOT VALID;
ALTER DOMAIN body_temperature ADD CHECK (VALUE BETWEEN 34.0 AND 43.0) NOT VALID;
ALTER DOMAIN pass_serial_number ADD CHECK (VALUE >= 1) NOT VALID;
ALTER DOMAIN text_max_4 ADD CHECK (length(VALUE) <= 4) NOT VALID;
ALTER DOMAIN text_max_20 ADD CHECK (length(VALUE) <= 20) NOT VALID;
ALTER DOMAIN text_max_100 ADD CHECK (length(VALUE) <= 100) NOT VALID;
ALTER DOMAIN text_max_200 ADD CHECK (length(VALUE) <= 200) NOT VALID;
ALTER DOMAIN text_max_500 ADD CHECK (length(VALUE) <= 500) NOT VALID;

ALTER TABLE entry
    DROP CONSTRAINT entry_direction_check,
    DROP CONSTRAINT entry_decision_check,
    DROP CONSTRAINT entry_health_code_check,
    DROP CONSTRAINT entry_health_code_read_check,
    DROP CONSTRAINT entry_reason_code_check,
    DROP CONSTRAINT entry_party_size_check,
    DROP CONSTRAINT entry_temperature_check,
    DROP CONSTRAINT entry_pass_serial_check,
    DROP CONSTRAINT entry_visitor_phone_last4_check,
    DROP CONSTRAINT entry_visitor_plate_check,
    DROP CONSTRAINT entry_visitor_origin_check,
    DROP CONSTRAINT entry_visitor_name_check,
    DROP CONSTRAINT entry_reason_check,
    DROP CONSTRAINT entry_visitor_purpose_check,
    DROP CONSTRAINT entry_note_check,
    DROP CONSTRAINT entry_void_reason_check;

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
