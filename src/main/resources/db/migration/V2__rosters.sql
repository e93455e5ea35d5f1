-- Shift rosters: templates per village, shifts per checkpoint, assignments of volunteers.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A village's day plan ("three groups from morning to night"). Times are local clock times
-- in the county's zone; an end at or before the start runs into the next day.
CREATE TABLE shift_template (
    id         uuid PRIMARY KEY,
    village_id uuid    NOT NULL REFERENCES place (id),
    position   int     NOT NULL,
    name       text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
    start_time time    NOT NULL,
    end_time   time    NOT NULL,
    min_staff  int     NOT NULL CHECK (min_staff BETWEEN 1 AND 50),
    CONSTRAINT shift_template_position UNIQUE (village_id, position)
);

CREATE TABLE shift (
    id            uuid PRIMARY KEY,
    checkpoint_id uuid        NOT NULL REFERENCES place (id),
    -- The checkpoint's village, kept here because every roster question is asked per village.
    village_id    uuid        NOT NULL REFERENCES place (id),
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    min_staff     int         NOT NULL CHECK (min_staff BETWEEN 0 AND 50),
    cancelled_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT shift_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT shift_at_most_a_day CHECK (ends_at - starts_at <= interval '24 hours')
);
CREATE INDEX shift_checkpoint_time ON shift USING gist (checkpoint_id, tstzrange(starts_at, ends_at));
CREATE INDEX shift_village_start ON shift (village_id, starts_at, id);

CREATE TABLE assignment (
    shift_id       uuid        NOT NULL REFERENCES shift (id),
    volunteer_id   uuid        NOT NULL REFERENCES account (id),
    -- A copy of the shift's time range, so that PostgreSQL itself can refuse double-booking.
    during         tstzrange   NOT NULL,
    assigned_at    timestamptz NOT NULL DEFAULT now(),
    assigned_by    uuid        REFERENCES account (id),
    checked_in_at  timestamptz,
    checked_out_at timestamptz,
    handover_note  text CHECK (length(handover_note) <= 500),
    PRIMARY KEY (shift_id, volunteer_id),
    CONSTRAINT assignment_checkout_after_checkin CHECK (checked_out_at IS NULL OR checked_in_at <= checked_out_at),
    -- A volunteer is never in two overlapping shifts, whoever assigns them and however concurrently.
    CONSTRAINT assignment_no_double_booking EXCLUDE USING gist (volunteer_id WITH =, during WITH &&)
);
CREATE INDEX assignment_volunteer ON assignment (volunteer_id, checked_in_at);
