-- Every instance keeps accounts and checkpoints in memory and forgets a row as soon as it
-- changes: the database itself announces each change of an account or a place on a channel
-- that every instance listens to (common/ChangeNotices), so that every writer (the API on any
-- instance, an administrator's SQL) is heard alike. PostgreSQL delivers a notice at commit.
CREATE FUNCTION notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], CAST(OLD.id AS text));
    RETURN NULL;
END
$$;

CREATE TRIGGER account_changed AFTER UPDATE OR DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION notify_changed('gatepost_account');
CREATE TRIGGER place_changed AFTER UPDATE OR DELETE ON place
    FOR EACH ROW EXECUTE FUNCTION notify_changed('gatepost_place');
