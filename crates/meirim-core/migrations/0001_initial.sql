-- 0001: the first schema. Shipped migrations are never edited: add a new file instead
-- (a test pins each shipped file's hash).
--
-- Ids are UUID strings so that records from different offices can later be merged without
-- collisions; seeded reference rows use name-based UUIDs, identical in every office.
-- Timestamps are RFC 3339 UTC text. Tables are STRICT so a wrong type is an error, not data.

PRAGMA application_id = 1296386381; -- 'MEIM': marks the file as a Meirim registry

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE oblasts (
    id          TEXT PRIMARY KEY,
    iso_code    TEXT NOT NULL UNIQUE,
    name_kk     TEXT NOT NULL,
    name_ru     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('oblast', 'city')),
    sort_order  INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE categories (
    id          TEXT PRIMARY KEY,
    code        TEXT UNIQUE,
    name_kk     TEXT NOT NULL,
    name_ru     TEXT NOT NULL,
    sort_order  INTEGER NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE families (
    id          TEXT PRIMARY KEY,
    phone       TEXT,
    oblast_id   TEXT REFERENCES oblasts (id),
    district    TEXT,
    rural_okrug TEXT,
    village     TEXT,
    street      TEXT,
    notes       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- The head of a family is a member with is_head = 1, so that adding the other members
-- later needs no reshaping of this table. `seq` is a stable integer key (the rowid) that
-- the full-text index points at; `id` is the UUID other tables and other offices use.
CREATE TABLE members (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    family_id   TEXT NOT NULL REFERENCES families (id),
    is_head     INTEGER NOT NULL DEFAULT 0 CHECK (is_head IN (0, 1)),
    surname     TEXT NOT NULL,
    name        TEXT NOT NULL,
    patronymic  TEXT,
    iin         TEXT CHECK (iin IS NULL OR (length(iin) = 12 AND iin NOT GLOB '*[^0-9]*')),
    birth_date  TEXT,
    sex         TEXT CHECK (sex IS NULL OR sex IN ('male', 'female')),
    -- Computed by the app (meirim_core::text): the spelling-insensitive Latin skeleton of
    -- the full name, and a key that sorts in Kazakh alphabetical order.
    search_key  TEXT NOT NULL,
    sort_key    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX members_one_head_per_family ON members (family_id) WHERE is_head = 1;
CREATE UNIQUE INDEX members_iin_unique ON members (iin) WHERE iin IS NOT NULL;
CREATE INDEX members_family ON members (family_id);
CREATE INDEX members_heads_sorted ON members (sort_key) WHERE is_head = 1;

-- Name search: trigram full-text index over search_key, so a fragment anywhere in a name
-- is found without scanning the table. Kept in step with members by these triggers.
CREATE VIRTUAL TABLE members_fts USING fts5 (
    search_key, content = 'members', content_rowid = 'seq', tokenize = 'trigram'
);
CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN
    INSERT INTO members_fts (rowid, search_key) VALUES (new.seq, new.search_key);
END;
CREATE TRIGGER members_fts_delete AFTER DELETE ON members BEGIN
    INSERT INTO members_fts (members_fts, rowid, search_key)
    VALUES ('delete', old.seq, old.search_key);
END;
CREATE TRIGGER members_fts_update AFTER UPDATE OF search_key ON members BEGIN
    INSERT INTO members_fts (members_fts, rowid, search_key)
    VALUES ('delete', old.seq, old.search_key);
    INSERT INTO members_fts (rowid, search_key) VALUES (new.seq, new.search_key);
END;

CREATE TABLE family_categories (
    family_id   TEXT NOT NULL REFERENCES families (id),
    category_id TEXT NOT NULL REFERENCES categories (id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (family_id, category_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX family_categories_category ON family_categories (category_id);

-- Seed: the 17 oblasts and 3 cities (../shared/domain/regions.tsv) and the default
-- aid categories of the domain guide. Offices edit categories later; rows are data.
INSERT INTO oblasts (id, iso_code, name_kk, name_ru, kind, sort_order, created_at, updated_at) VALUES
    ('1b3dcb6b-7945-50cb-9c4f-32f76892d2b8', 'KZ-10', 'Абай облысы', 'область Абай', 'oblast', 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('2c600bc4-30d6-518f-84d5-82454b6f1af0', 'KZ-11', 'Ақмола облысы', 'Акмолинская область', 'oblast', 2, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('113bc029-f1b5-5f3e-8e77-302efe51aba0', 'KZ-15', 'Ақтөбе облысы', 'Актюбинская область', 'oblast', 3, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('5d811610-61eb-52a0-bd04-338e7d408f9e', 'KZ-19', 'Алматы облысы', 'Алматинская область', 'oblast', 4, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('5db64b9b-b413-56f0-8c34-b321a6444922', 'KZ-23', 'Атырау облысы', 'Атырауская область', 'oblast', 5, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('6e645732-82cb-5629-84f0-c06440f2136e', 'KZ-27', 'Батыс Қазақстан облысы', 'Западно-Казахстанская область', 'oblast', 6, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('971719b3-b81a-5f1f-98cf-f4f6ac23fa36', 'KZ-31', 'Жамбыл облысы', 'Жамбылская область', 'oblast', 7, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('5ffb59a2-9991-50c3-a7e1-f0d6616086a9', 'KZ-33', 'Жетісу облысы', 'область Жетісу', 'oblast', 8, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('49555686-b681-5c22-b855-34402ed07a71', 'KZ-35', 'Қарағанды облысы', 'Карагандинская область', 'oblast', 9, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('242d92fd-8ff7-5b25-98d1-b1d6267c28b6', 'KZ-39', 'Қостанай облысы', 'Костанайская область', 'oblast', 10, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('5cb99fdc-674a-5b83-8a2f-0f47a14552f8', 'KZ-43', 'Қызылорда облысы', 'Кызылординская область', 'oblast', 11, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('d3ae33c3-5152-5d5c-9a3a-e4383fa3ee1c', 'KZ-47', 'Маңғыстау облысы', 'Мангистауская область', 'oblast', 12, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('6df3f61b-2ac9-5aa1-9ad5-02be6e56b6a5', 'KZ-55', 'Павлодар облысы', 'Павлодарская область', 'oblast', 13, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('c303cc3e-65aa-5f5a-96d9-16c9fdb8a710', 'KZ-59', 'Солтүстік Қазақстан облысы', 'Северо-Казахстанская область', 'oblast', 14, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('770501a4-e761-5c80-99d5-1ae18bafe1cb', 'KZ-61', 'Түркістан облысы', 'Туркестанская область', 'oblast', 15, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('ea096a19-fb64-5940-b12a-45a9917134b4', 'KZ-62', 'Ұлытау облысы', 'область Ұлытау', 'oblast', 16, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('77d1bac6-bc08-5540-a8c3-41cee8de41c2', 'KZ-63', 'Шығыс Қазақстан облысы', 'Восточно-Казахстанская область', 'oblast', 17, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('971024de-14c5-5456-b6d0-4152e9354ea1', 'KZ-71', 'Астана', 'Астана', 'city', 18, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('e04342fb-1c4d-5478-b488-3fb5fb35ab55', 'KZ-75', 'Алматы', 'Алматы', 'city', 19, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('86d12aad-ccf5-5df0-974c-5eb3fc2eb1f1', 'KZ-79', 'Шымкент', 'Шымкент', 'city', 20, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z');

INSERT INTO categories (id, code, name_kk, name_ru, sort_order, active, created_at, updated_at) VALUES
    ('0c7fc5d6-c322-5aa0-a3a1-db3b4b736d61', 'low-income', 'аз қамтылған отбасы', 'малообеспеченная семья', 1, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('f7770acb-09fc-57f1-8519-65fd270463f7', 'large-family', 'көпбалалы отбасы', 'многодетная семья', 2, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('c3371d75-0956-522a-bea7-c6f01cb24b3f', 'disability', 'мүгедектігі бар адам', 'лицо с инвалидностью', 3, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('46abae9c-9c48-5da2-bf9e-35d8b145bc23', 'child-disability', 'мүгедектігі бар бала', 'ребёнок с инвалидностью', 4, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('65dabc5e-88c6-5146-ac72-7208cbffc4be', 'lost-breadwinner', 'асыраушысынан айырылған отбасы', 'семья, потерявшая кормильца', 5, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('089e3e87-8cba-5ebe-8b03-eabbae753ed0', 'single-mother', 'жалғызбасты ана', 'одинокая мать', 6, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('91e8fe01-de42-5329-8fc2-7f8489c29490', 'incomplete-family', 'толық емес отбасы', 'неполная семья', 7, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('1650ab0d-f1e2-5d06-b0ce-8d777b8a92fe', 'lonely-elderly', 'жалғыз тұратын қарт', 'одиноко проживающий пожилой человек', 8, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('8ea43ab0-8f1b-5e07-b5e1-0ee4731a24b8', 'pensioner', 'зейнеткер', 'пенсионер', 9, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('ffb407fc-4209-5051-8702-9e18159c6ed0', 'wwii-veteran', 'Ұлы Отан соғысының ардагері', 'ветеран Великой Отечественной войны', 10, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('f4ac3438-90df-5bbd-a653-5796a13e38f1', 'home-front-worker', 'тыл еңбеккері', 'труженик тыла', 11, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('48cdc827-5dd5-59c0-ac1c-8543d9c1ffc5', 'veteran', 'ардагер', 'ветеран', 12, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('3670e2f5-0a78-5f63-a942-3db88638af3a', 'kandas', 'қандас', 'кандас', 13, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('ff1b4a2a-1285-542c-b9e0-b84e770f2e99', 'tsa-recipient', 'атаулы әлеуметтік көмек (АӘК) алушы', 'получатель адресной социальной помощи (АСП)', 14, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z');
