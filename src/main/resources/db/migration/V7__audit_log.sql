-- Security events, for administrators: sign-ins and their failures, refusals, changes to
-- accounts, roles, keys and entries. Kept for a configured period (gatepost.audit.retention).
CREATE TABLE audit_event (
    id           uuid PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    kind         text        NOT NULL CHECK (kind ~ '^[A-Z_]{3,40}$'),
    -- Who did it: an account, or a dashboard key, or nobody yet (a failed sign-in).
    actor_id     uuid,
    actor_role   text,
    -- The phone number a failed sign-in named is never kept, only whether such an account exists.
    subject_type text        CHECK (length(subject_type) <= 40),
    subject_id   uuid,
    client       text        CHECK (length(client) <= 64),
    detail       text        CHECK (length(detail) <= 500)
);
CREATE INDEX audit_event_time ON audit_event (at DESC, id DESC);
