-- 0008: the office's accounts. Who may sign in, with which role; the passwords are not
-- here (nor anywhere: meirim.keys holds what each password opens). A left worker's account
-- is disabled, not deleted, so the audit log's names keep their meaning.
CREATE TABLE accounts (
    id                   TEXT PRIMARY KEY,
    login                TEXT NOT NULL UNIQUE COLLATE NOCASE,
    full_name            TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN ('administrator', 'operator', 'viewer')),
    created_at           TEXT NOT NULL,
    disabled_at          TEXT,
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1))
) STRICT;
