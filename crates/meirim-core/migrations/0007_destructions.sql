-- 0007: the families whose personal data was destroyed (consent withdrawn), by id only.
-- Restoring an older backup destroys each of them again, so a backup never brings a
-- destroyed person back. The list itself holds no personal data: ids, registry numbers
-- and the moment.
CREATE TABLE destructions (
    family_id    TEXT PRIMARY KEY,
    registry_no  INTEGER NOT NULL,
    destroyed_at TEXT NOT NULL
) STRICT;

INSERT INTO destructions (family_id, registry_no, destroyed_at)
    SELECT id, registry_no, destroyed_at FROM families WHERE destroyed_at IS NOT NULL;
