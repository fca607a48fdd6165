-- 0009: offices and the reports they send up. Every registry is one office (is_self = 1,
-- made by the migration's hook with a fresh UUID); a district or oblast registry also
-- knows the offices below it, and keeps the report packages they sent, with history.
CREATE TABLE offices (
    id          TEXT PRIMARY KEY,
    name_kk     TEXT NOT NULL,
    name_ru     TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('okrug', 'district', 'oblast')),
    -- The KATO code (classifier of administrative-territorial objects): 9 digits.
    kato        TEXT CHECK (kato IS NULL OR (length(kato) = 9 AND kato NOT GLOB '*[^0-9]*')),
    -- Not a foreign key: an office's parent is usually not in its own registry.
    parent_id   TEXT,
    is_self     INTEGER NOT NULL DEFAULT 0 CHECK (is_self IN (0, 1)),
    -- For an office below this one: whether its reports are awaited (completeness).
    expected    INTEGER NOT NULL DEFAULT 1 CHECK (expected IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX offices_one_self ON offices (is_self) WHERE is_self = 1;
CREATE INDEX offices_parent ON offices (parent_id);

-- A report package read from a stick. The newest of an office and period is current; the
-- ones it replaced stay as history. The same file read twice is one row (content_sha256).
CREATE TABLE report_packages (
    id             INTEGER PRIMARY KEY,
    office_id      TEXT NOT NULL REFERENCES offices (id),
    period_from    TEXT NOT NULL,
    period_to      TEXT NOT NULL,
    made_at        TEXT NOT NULL,
    -- The office's count of packages made: the newer of two is the higher.
    sequence       INTEGER NOT NULL,
    received_at    TEXT NOT NULL,
    content_sha256 TEXT NOT NULL UNIQUE,
    schema         INTEGER NOT NULL,
    -- Which district key hashed its families' IINs; NULL when the office had none.
    key_id         TEXT,
    file_name      TEXT NOT NULL,
    -- The office's name, level and KATO as the package gave them (they may change later).
    office_json    TEXT NOT NULL,
    report_json    TEXT NOT NULL,
    pdf            BLOB NOT NULL,
    is_current     INTEGER NOT NULL CHECK (is_current IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX report_packages_current
    ON report_packages (office_id, period_from, period_to) WHERE is_current = 1;
CREATE INDEX report_packages_period ON report_packages (period_from, period_to, is_current);

-- Families helped in a package's period, without names or IINs: the aid they got, and
-- keyed hashes (HMAC-SHA-256 with the district key) of the IINs of the head and members.
CREATE TABLE package_families (
    package_id  INTEGER NOT NULL REFERENCES report_packages (id) ON DELETE CASCADE,
    family_no   INTEGER NOT NULL,
    aid_json    TEXT NOT NULL,
    PRIMARY KEY (package_id, family_no)
) STRICT, WITHOUT ROWID;

CREATE TABLE package_hashes (
    hash        BLOB NOT NULL,
    package_id  INTEGER NOT NULL,
    family_no   INTEGER NOT NULL,
    PRIMARY KEY (hash, package_id, family_no),
    FOREIGN KEY (package_id, family_no)
        REFERENCES package_families (package_id, family_no) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX package_hashes_package ON package_hashes (package_id, family_no);
