-- Entries at the gate, their alerts, and the hourly counts that statistics read.

-- One passage at a checkpoint (a person, a household or a car), recorded on a phone that may
-- have been offline: its id is made on the phone, so a resent entry is recognised.
CREATE TABLE entry (
    id                  uuid PRIMARY KEY,
    checkpoint_id       uuid          NOT NULL REFERENCES place (id),
    village_id          uuid          NOT NULL REFERENCES place (id),
    occurred_at         timestamptz   NOT NULL,
    -- The phone's UTC offset when it happened, so the time is shown as the phone saw it.
    occurred_offset     int           NOT NULL,
    received_at         timestamptz   NOT NULL DEFAULT now(),
    direction           text          NOT NULL CHECK (direction IN ('IN', 'OUT')),
    resident            boolean       NOT NULL,
    party_size          int           NOT NULL CHECK (party_size BETWEEN 1 AND 20),
    health_code         text          NOT NULL CHECK (health_code IN ('GREEN', 'YELLOW', 'RED', 'NO_PHONE', 'UNREADABLE', 'PAPER_PASS')),
    health_code_read    text          NOT NULL CHECK (health_code_read IN ('BY_EYE', 'SCANNED')),
    temperature         numeric(3, 1) CHECK (temperature BETWEEN 34.0 AND 43.0),
    fever               boolean       NOT NULL,
    decision            text          NOT NULL CHECK (decision IN ('ADMITTED', 'REFUSED', 'REFERRED')),
    reason              text          CHECK (length(reason) <= 200),
    recorded_by         uuid          NOT NULL REFERENCES account (id),
    shift_id            uuid          REFERENCES shift (id),
    -- Personal fields, erased once older than the retention period (personal_erased_at set).
    note                text          CHECK (length(note) <= 500),
    visitor_origin      text          CHECK (length(visitor_origin) <= 100),
    visitor_purpose     text          CHECK (length(visitor_purpose) <= 200),
    visitor_name        text          CHECK (length(visitor_name) <= 100),
    visitor_phone_last4 text          CHECK (length(visitor_phone_last4) <= 4),
    -- Keyed hash (HMAC-SHA256) of the visitor's phone: recognises a repeat visitor without keeping the number.
    visitor_phone_hash  bytea,
    visitor_plate       text          CHECK (length(visitor_plate) <= 20),
    -- Digest of the entry as sent, to tell a resent entry from another one reusing its id.
    content_hash        bytea,
    personal_erased_at  timestamptz,
    voided_at           timestamptz,
    voided_by           uuid          REFERENCES account (id),
    void_reason         text          CHECK (length(void_reason) <= 500),
    CONSTRAINT entry_void_complete CHECK ((voided_at IS NULL) = (voided_by IS NULL))
);
CREATE INDEX entry_time ON entry (occurred_at DESC, id DESC);
CREATE INDEX entry_checkpoint_time ON entry (checkpoint_id, occurred_at DESC, id DESC);
CREATE INDEX entry_visitor_phone ON entry (visitor_phone_hash) WHERE visitor_phone_hash IS NOT NULL;
CREATE INDEX entry_personal_pending ON entry (occurred_at) WHERE personal_erased_at IS NULL;

-- Counts per checkpoint and local hour, kept in the same transaction as every insert and void,
-- so that statistics never rescan entries. Voided entries are taken out again.
CREATE TABLE entry_hourly (
    checkpoint_id uuid        NOT NULL REFERENCES place (id),
    -- The start of the local hour in the county's time zone.
    hour          timestamptz NOT NULL,
    entries       int         NOT NULL DEFAULT 0,
    persons       int         NOT NULL DEFAULT 0,
    entries_in    int         NOT NULL DEFAULT 0,
    entries_out   int         NOT NULL DEFAULT 0,
    admitted      int         NOT NULL DEFAULT 0,
    refused       int         NOT NULL DEFAULT 0,
    referred      int         NOT NULL DEFAULT 0,
    green         int         NOT NULL DEFAULT 0,
    yellow        int         NOT NULL DEFAULT 0,
    red           int         NOT NULL DEFAULT 0,
    no_phone      int         NOT NULL DEFAULT 0,
    unreadable    int         NOT NULL DEFAULT 0,
    paper_pass    int         NOT NULL DEFAULT 0,
    fevers        int         NOT NULL DEFAULT 0,
    PRIMARY KEY (checkpoint_id, hour)
);
CREATE INDEX entry_hourly_hour ON entry_hourly (hour, checkpoint_id);

-- The same counts per checkpoint and local day (the county's midnight to midnight), kept the
-- same way: a county's month is 9,000 rows here instead of 220,000 hourly ones.
CREATE TABLE entry_daily (LIKE entry_hourly INCLUDING DEFAULTS);
ALTER TABLE entry_daily DROP COLUMN hour;
ALTER TABLE entry_daily ADD COLUMN day date NOT NULL;
ALTER TABLE entry_daily ADD PRIMARY KEY (checkpoint_id, day);
ALTER TABLE entry_daily ADD FOREIGN KEY (checkpoint_id) REFERENCES place (id);

-- Raised for the village's cadre when an entry is refused or referred for a red or yellow code or a fever.
CREATE TABLE alert (
    id              uuid PRIMARY KEY,
    entry_id        uuid        NOT NULL UNIQUE REFERENCES entry (id),
    checkpoint_id   uuid        NOT NULL REFERENCES place (id),
    village_id      uuid        NOT NULL REFERENCES place (id),
    kind            text        NOT NULL CHECK (kind IN ('RED_CODE', 'YELLOW_CODE', 'FEVER')),
    raised_at       timestamptz NOT NULL DEFAULT now(),
    status          text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACKNOWLEDGED')),
    acknowledged_by uuid        REFERENCES account (id),
    acknowledged_at timestamptz,
    note            text        CHECK (length(note) <= 500)
);
CREATE INDEX alert_village_open ON alert (village_id, raised_at DESC) WHERE status = 'OPEN';
CREATE INDEX alert_village_time ON alert (village_id, raised_at DESC, id DESC);
