-- ---- Top-level names: NULL parents are one parent, so two counties cannot share a name ----
-- Counties already sharing a name keep it on the oldest; the others get their id's start appended.
UPDATE place p SET name = left(p.name, 88) || ' (' || left(p.id::text, 8) || ')'
WHERE p.parent_id IS NULL
  AND EXISTS (SELECT 1 FROM place older
              WHERE older.parent_id IS NULL AND lower(older.name) = lower(p.name)
                AND (older.created_at, older.id) < (p.created_at, p.id));
DROP INDEX place_sibling_name;
CREATE UNIQUE INDEX place_sibling_name ON place (parent_id, lower(name)) NULLS NOT DISTINCT;
