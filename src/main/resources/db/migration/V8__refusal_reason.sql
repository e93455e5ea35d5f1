-- A coded reason for every entry not admitted, which officials and counts may use; the
-- free-text reason stays personal (shown to the village only, erased after retention).
ALTER TABLE entry ADD COLUMN reason_code text
    CHECK (reason_code IN ('RED_CODE', 'YELLOW_CODE', 'FEVER', 'NO_HEALTH_CODE', 'NOT_REGISTERED', 'OTHER'));
UPDATE entry SET reason_code = CASE
        WHEN health_code = 'RED' THEN 'RED_CODE'
        WHEN fever THEN 'FEVER'
        WHEN health_code = 'YELLOW' THEN 'YELLOW_CODE'
        WHEN health_code IN ('NO_PHONE', 'UNREADABLE') AND temperature IS NULL THEN 'NO_HEALTH_CODE'
        ELSE 'OTHER' END
    WHERE decision <> 'ADMITTED';
ALTER TABLE entry ADD CONSTRAINT entry_reason_code_when_not_admitted
    CHECK ((decision = 'ADMITTED') = (reason_code IS NULL));
