-- 0005: imports of the office's existing lists. Each import is a batch; every family it
-- added or changed is an effect, with the family as it was before (for one-click undo,
-- which is allowed only while nothing else has touched those families since). Column
-- mappings are kept by name so next month's list maps itself.

CREATE TABLE import_batches (
    id          TEXT PRIMARY KEY,
    at          TEXT NOT NULL,
    operator    TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    -- SHA-256 of the file's bytes: the same file imported again is recognised.
    file_hash   TEXT NOT NULL,
    rows_read   INTEGER NOT NULL,
    added       INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    skipped     INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    rejected    INTEGER NOT NULL,
    undone_at   TEXT
) STRICT;
CREATE INDEX import_batches_hash ON import_batches (file_hash);

CREATE TABLE import_effects (
    batch_id    TEXT NOT NULL REFERENCES import_batches (id),
    family_id   TEXT NOT NULL REFERENCES families (id),
    added       INTEGER NOT NULL CHECK (added IN (0, 1)),
    -- For an updated family: its form input before the import, as JSON. Erased when the
    -- family's personal data are destroyed.
    before      TEXT,
    -- The audit entry the import wrote; a later entry for the family means it was edited.
    audit_seq   INTEGER NOT NULL,
    PRIMARY KEY (batch_id, family_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX import_effects_family ON import_effects (family_id);

CREATE TABLE import_mappings (
    name        TEXT PRIMARY KEY,
    -- JSON array of [header key, field] pairs: matched by header, not position.
    columns     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
