-- ---- Which rule made an entry's content digest ----
-- 1: the visitor's phone as typed, without separators (before phones were stored as E.164);
-- 2: the phone in E.164. A resend is compared in the version its entry was stored with.
ALTER TABLE entry ADD COLUMN content_digest_version smallint NOT NULL DEFAULT 1;
ALTER TABLE entry ALTER COLUMN content_digest_version DROP DEFAULT;
