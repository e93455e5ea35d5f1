-- Hold under concurrency: optimistic versions on what people edit.

-- ---- Optimistic versions: a stale write is refused instead of overwriting a newer one ----
ALTER TABLE account ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE place   ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE team    ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE shift   ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE alert   ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE api_key ADD COLUMN version bigint NOT NULL DEFAULT 0;
