-- An entry made from a household's pass records the pass, so that outings per household are
-- counted exactly, from the entries themselves, also for entries sent late. Not personal data:
-- kept after the retention period like the rest of the entry's facts.
ALTER TABLE entry ADD COLUMN pass_household_id uuid;
ALTER TABLE entry ADD COLUMN pass_serial int CHECK (pass_serial >= 1);
ALTER TABLE entry ADD CONSTRAINT entry_pass_complete CHECK ((pass_household_id IS NULL) = (pass_serial IS NULL));
-- What the outing count reads: a household's live OUT entries in a time range.
CREATE INDEX entry_household_outings ON entry (pass_household_id, occurred_at)
    WHERE pass_household_id IS NOT NULL AND direction = 'OUT' AND voided_at IS NULL;
