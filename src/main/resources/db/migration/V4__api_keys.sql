-- Read-only keys for county dashboard systems: statistics of one subtree, until they expire
-- or are revoked. Only a SHA-256 digest of the key is kept; the key is shown once.
CREATE TABLE api_key (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    place_id    uuid        NOT NULL REFERENCES place (id),
    key_digest  bytea       NOT NULL UNIQUE,
    created_by  uuid        NOT NULL REFERENCES account (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    revoked_by  uuid        REFERENCES account (id)
);
CREATE INDEX api_key_place ON api_key (place_id);
