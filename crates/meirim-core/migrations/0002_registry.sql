-- 0002: the complete family registry: members with relations and flags, registry numbers,
-- status and consent, the editable address reference, the audit log, and a family-level
-- search index. Rows that existed before are filled in by this migration's Rust hook
-- (db::hooks), which computes the spelling-insensitive keys SQL cannot.

ALTER TABLE families ADD COLUMN registry_no INTEGER;
ALTER TABLE families ADD COLUMN house TEXT;
ALTER TABLE families ADD COLUMN flat TEXT;
ALTER TABLE families ADD COLUMN housing_notes TEXT;
-- Whole tenge per person per month.
ALTER TABLE families ADD COLUMN income_per_person INTEGER
    CHECK (income_per_person IS NULL OR income_per_person >= 0);
ALTER TABLE families ADD COLUMN registered_on TEXT;
ALTER TABLE families ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'archived', 'restored'));
ALTER TABLE families ADD COLUMN status_reason TEXT;
ALTER TABLE families ADD COLUMN status_on TEXT;
-- Consent to personal-data processing (Law No. 94-V). 'withdrawn' is set only by the
-- destroy action, which also erases the family's personal data.
ALTER TABLE families ADD COLUMN consent TEXT NOT NULL DEFAULT 'pending'
    CHECK (consent IN ('given', 'pending', 'withdrawn'));
ALTER TABLE families ADD COLUMN consent_on TEXT;
ALTER TABLE families ADD COLUMN consent_form TEXT
    CHECK (consent_form IS NULL OR consent_form IN ('paper', 'other'));
-- The end of the consented period; NULL means "until the purpose of processing ends".
ALTER TABLE families ADD COLUMN consent_until TEXT;
ALTER TABLE families ADD COLUMN consent_recorded_by TEXT;
ALTER TABLE families ADD COLUMN destroyed_at TEXT;
ALTER TABLE families ADD COLUMN merged_into TEXT REFERENCES families (id);
-- The head's name keys (text::sort_key, text::fold), copied here so lists need no join.
ALTER TABLE families ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
ALTER TABLE families ADD COLUMN head_key TEXT NOT NULL DEFAULT '';
-- Where the family stands in alphabetical order: a sparse integer that is also its rowid
-- in family_search, so a search returns matches already sorted and can stop at one page.
ALTER TABLE families ADD COLUMN list_pos INTEGER;
-- text::fold of village, street, house and flat, for the likely-duplicate check.
ALTER TABLE families ADD COLUMN address_key TEXT;

CREATE UNIQUE INDEX families_registry_no ON families (registry_no);
CREATE UNIQUE INDEX families_list_pos ON families (list_pos);
CREATE INDEX families_sorted ON families (sort_key, id);
CREATE INDEX families_head_key ON families (head_key);
CREATE INDEX families_village ON families (village);
CREATE INDEX families_phone ON families (phone) WHERE phone IS NOT NULL;
CREATE INDEX families_address_key ON families (address_key) WHERE address_key IS NOT NULL;
CREATE INDEX families_registered ON families (registered_on);

ALTER TABLE members ADD COLUMN relation TEXT CHECK (relation IS NULL OR relation IN (
    'spouse', 'child', 'parent', 'sibling', 'grandchild', 'grandparent', 'daughter-in-law',
    'son-in-law', 'other-relative', 'other'));
ALTER TABLE members ADD COLUMN disability TEXT
    CHECK (disability IS NULL OR disability IN ('group-1', 'group-2', 'group-3', 'child'));
ALTER TABLE members ADD COLUMN pensioner INTEGER NOT NULL DEFAULT 0 CHECK (pensioner IN (0, 1));
ALTER TABLE members ADD COLUMN student INTEGER NOT NULL DEFAULT 0 CHECK (student IN (0, 1));
ALTER TABLE members ADD COLUMN employment TEXT
    CHECK (employment IS NULL OR employment IN ('works', 'unemployed'));
ALTER TABLE members ADD COLUMN phone TEXT;
-- text::fold of surname and name, for the likely-duplicate check (similar name + birth date).
ALTER TABLE members ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
-- Kept when a family's personal data are destroyed, so age statistics survive.
ALTER TABLE members ADD COLUMN birth_year INTEGER;
ALTER TABLE members ADD COLUMN position INTEGER NOT NULL DEFAULT 0;

CREATE INDEX members_birth_name ON members (birth_date, name_key) WHERE birth_date IS NOT NULL;
-- An IIN-prefix search answered from indexes alone: IIN → family → list position.
CREATE INDEX members_iin_family ON members (iin, family_id) WHERE iin IS NOT NULL;
CREATE INDEX families_id_pos ON families (id, list_pos);
CREATE INDEX members_phone ON members (phone) WHERE phone IS NOT NULL;

-- The head-only name index of 0001 is replaced by family_search below.
DROP TRIGGER members_fts_insert;
DROP TRIGGER members_fts_delete;
DROP TRIGGER members_fts_update;
DROP TABLE members_fts;
DROP INDEX members_heads_sorted;

-- One document per listed family: every member's name (text::fold keys), the phones'
-- digits, the address. IINs are not here: their prefixes are found on members_iin_unique. Contentless, so no second copy of the text is kept, and
-- contentless_delete so a destroyed family's entry can be removed by rowid alone.
-- Maintained by the app (family::index), not by triggers: the keys need Rust.
CREATE VIRTUAL TABLE family_search USING fts5 (
    names, phones, address, content = '', contentless_delete = 1, tokenize = 'trigram'
);

-- The address reference: districts, rural okrugs and villages the office works with,
-- editable, each under its parent. Filled as families are saved; names can be corrected.
CREATE TABLE places (
    id          TEXT PRIMARY KEY,
    oblast_id   TEXT REFERENCES oblasts (id),
    parent_id   TEXT REFERENCES places (id),
    level       TEXT NOT NULL CHECK (level IN ('district', 'rural-okrug', 'village')),
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    kato        TEXT CHECK (kato IS NULL OR (length(kato) = 9 AND kato NOT GLOB '*[^0-9]*')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX places_unique
    ON places (ifnull(oblast_id, ''), ifnull(parent_id, ''), level, name_key);
CREATE INDEX places_parent ON places (parent_id);

-- Who changed what and when. `changes` is a JSON array of {field, before, after}.
-- When a family's personal data are destroyed, the values in its entries are erased too.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    operator    TEXT NOT NULL,
    action      TEXT NOT NULL,
    family_id   TEXT REFERENCES families (id),
    summary     TEXT,
    changes     TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX audit_log_family ON audit_log (family_id, seq);

-- Pairs the operator has looked at and declared "not the same family".
CREATE TABLE not_duplicates (
    family_a    TEXT NOT NULL REFERENCES families (id),
    family_b    TEXT NOT NULL REFERENCES families (id),
    created_at  TEXT NOT NULL,
    PRIMARY KEY (family_a, family_b),
    CHECK (family_a < family_b)
) STRICT, WITHOUT ROWID;

-- Families registered before this migration: numbered in the order they were entered.
UPDATE families SET
    registry_no = (SELECT n FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n
                                    FROM families) AS numbered
                    WHERE numbered.id = families.id),
    registered_on = substr(created_at, 1, 10);
