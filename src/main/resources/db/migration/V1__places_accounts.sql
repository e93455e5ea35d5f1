-- Places, accounts, teams and sign-in throttling.

CREATE EXTENSION IF NOT EXISTS ltree;

-- One tree: COUNTY > TOWNSHIP > VILLAGE > CHECKPOINT.
-- path holds the ids from the root down (hex labels), maintained by a trigger, so that
-- "everything below this place" is one GiST-indexed query: path <@ ancestor.path.
CREATE TABLE place (
    id         uuid PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('COUNTY', 'TOWNSHIP', 'VILLAGE', 'CHECKPOINT')),
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    parent_id  uuid        REFERENCES place (id),
    path       ltree       NOT NULL,
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT place_root_is_county CHECK ((kind = 'COUNTY') = (parent_id IS NULL))
);
CREATE UNIQUE INDEX place_path_key ON place (path);
CREATE INDEX place_path_gist ON place USING gist (path);
CREATE INDEX place_children ON place (parent_id, name, id);
-- Two gates of one village called the same would confuse everyone reading the log.
CREATE UNIQUE INDEX place_sibling_name ON place (parent_id, lower(name));

CREATE FUNCTION place_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent_path ltree;
    parent_kind text;
    label       ltree := text2ltree(replace(NEW.id::text, '-', ''));
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.parent_id IS DISTINCT FROM OLD.parent_id OR NEW.kind <> OLD.kind THEN
            RAISE EXCEPTION 'a place keeps its kind and parent' USING ERRCODE = 'check_violation';
        END IF;
        NEW.path := OLD.path;
        RETURN NEW;
    END IF;
    IF NEW.parent_id IS NULL THEN
        NEW.path := label;
        RETURN NEW;
    END IF;
    SELECT path, kind INTO parent_path, parent_kind FROM place WHERE id = NEW.parent_id;
    -- The kind order, enforced here too so that no writer can break the tree.
    IF parent_kind IS DISTINCT FROM (CASE NEW.kind WHEN 'TOWNSHIP' THEN 'COUNTY'
                                                   WHEN 'VILLAGE' THEN 'TOWNSHIP'
                                                   WHEN 'CHECKPOINT' THEN 'VILLAGE' END) THEN
        RAISE EXCEPTION 'a % cannot be placed under a %', NEW.kind, coalesce(parent_kind, 'missing place')
            USING ERRCODE = 'check_violation';
    END IF;
    NEW.path := parent_path || label;
    RETURN NEW;
END
$$;

CREATE TRIGGER place_path BEFORE INSERT OR UPDATE ON place
    FOR EACH ROW EXECUTE FUNCTION place_set_path();

-- A volunteer team (幫幫團) of one village.
CREATE TABLE team (
    id         uuid PRIMARY KEY,
    village_id uuid        NOT NULL REFERENCES place (id),
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    leader_id  uuid,
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT team_name_in_village UNIQUE (village_id, name)
);

CREATE TABLE account (
    id            uuid PRIMARY KEY,
    name          text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    phone         text        NOT NULL UNIQUE CHECK (phone ~ '^\+?[0-9]{6,15}$'),
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('ADMIN', 'OFFICIAL', 'CADRE', 'VOLUNTEER')),
    -- The home place; the account's scope is the subtree below it. Administrators see
    -- everything and may have none (the first one of an installation has no place yet).
    place_id      uuid        REFERENCES place (id),
    team_id       uuid        REFERENCES team (id),
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT account_has_place CHECK (role = 'ADMIN' OR place_id IS NOT NULL),
    CONSTRAINT account_team_only_for_volunteers CHECK (team_id IS NULL OR role = 'VOLUNTEER')
);
CREATE INDEX account_place ON account (place_id, name, id);
CREATE INDEX account_team ON account (team_id);

ALTER TABLE team ADD CONSTRAINT team_leader_fk FOREIGN KEY (leader_id) REFERENCES account (id);

-- Failed sign-ins, kept for the throttling window only (pruned by a scheduled job).
-- The phone is stored as a SHA-256 digest, not in clear.
CREATE TABLE login_failure (
    phone_digest bytea       NOT NULL,
    failed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_phone ON login_failure (phone_digest, failed_at);
