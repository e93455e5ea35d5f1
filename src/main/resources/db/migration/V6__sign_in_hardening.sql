-- Sign-in under abuse: failures are counted per client address as well as per phone, and a
-- change of password, role or home place ends every token issued before it.

-- The client address (IPv4, or the /64 network of an IPv6 address) a failure came from.
-- Failures recorded before this migration came from an unknown client.
ALTER TABLE login_failure ADD COLUMN client text NOT NULL DEFAULT 'unknown';
ALTER TABLE login_failure ALTER COLUMN client DROP DEFAULT;
CREATE INDEX login_failure_client ON login_failure (client, failed_at);
DROP INDEX login_failure_phone;
CREATE INDEX login_failure_phone ON login_failure (phone_digest, client, failed_at);

-- Tokens carry the generation of the account they were issued for; a token of an older
-- generation is refused. Kept by the database itself, so that every writer (the API, an
-- administrator's SQL) ends the old tokens alike.
ALTER TABLE account ADD COLUMN token_generation integer NOT NULL DEFAULT 0;

CREATE FUNCTION account_end_tokens() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.password_hash IS DISTINCT FROM OLD.password_hash
            OR NEW.role IS DISTINCT FROM OLD.role
            OR NEW.place_id IS DISTINCT FROM OLD.place_id THEN
        NEW.token_generation := OLD.token_generation + 1;
    ELSE
        NEW.token_generation := OLD.token_generation;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER account_tokens BEFORE UPDATE ON account
    FOR EACH ROW EXECUTE FUNCTION account_end_tokens();
