-- Issue 13: a village's household register, its passes, outing limits and gate posters.

-- ---- The household register (the village's cadre keeps it) ----
-- Personal data (head, members, phone) lives as long as the household is registered and is
-- deleted with it; it never appears in entries.
CREATE TABLE household (
    id         uuid PRIMARY KEY,
    village_id uuid        NOT NULL REFERENCES place (id),
    label      text        NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 50),
    head       text        NOT NULL CHECK (length(btrim(head)) BETWEEN 1 AND 100),
    members    text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(members) <= 30),
    phone      text        CHECK (length(phone) <= 16),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0
);
-- One label per village ("12-3" twice would make two cards nobody tells apart); also the list's order.
CREATE INDEX household_village_label ON household (village_id, label, id);
CREATE UNIQUE INDEX household_label_once ON household (village_id, lower(label));

-- ---- Passes: signed tokens, one live per household ----
-- household_id has no foreign key on purpose: a deleted household's passes stay as revoked
-- (they must stay listed in the trust data until they expire); no personal data is here.
CREATE TABLE pass (
    village_id   uuid        NOT NULL REFERENCES place (id),
    serial       int         NOT NULL CHECK (serial >= 1),
    household_id uuid        NOT NULL,
    kid          text        NOT NULL,
    token        text        NOT NULL,
    issued_at    timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    PRIMARY KEY (village_id, serial)
);
CREATE UNIQUE INDEX pass_live_per_household ON pass (household_id) WHERE revoked_at IS NULL;
CREATE INDEX pass_revoked ON pass (expires_at) WHERE revoked_at IS NOT NULL;

-- Serials per village, handed out by one atomic upsert, never reused.
CREATE TABLE pass_serial (
    village_id  uuid PRIMARY KEY REFERENCES place (id),
    last_serial int  NOT NULL
);

-- ---- Outing limits: N outings per household per M local days, from the date set ----
CREATE TABLE outing_limit (
    village_id uuid PRIMARY KEY REFERENCES place (id),
    outings    int         NOT NULL CHECK (outings BETWEEN 1 AND 100),
    days       int         NOT NULL CHECK (days BETWEEN 1 AND 60),
    since      date        NOT NULL,
    set_at     timestamptz NOT NULL,
    set_by     uuid        NOT NULL REFERENCES account (id)
);

-- ---- The gate's poster: a random token per checkpoint for the public self check-in page ----
CREATE TABLE checkpoint_poster (
    checkpoint_id uuid PRIMARY KEY REFERENCES place (id),
    token         text        NOT NULL UNIQUE CHECK (length(token) BETWEEN 16 AND 64),
    created_at    timestamptz NOT NULL
);
