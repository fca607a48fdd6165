-- Aid and volunteering: what the office gives (aid types), from whom (funding sources,
-- organisations), in which campaign, to which family (deliveries), and who helped
-- (volunteers and their activities). Money is whole tenge; quantities are thousandths of
-- the unit (2,5 t of coal is 2500) so sums stay exact.

CREATE TABLE organisations (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL
                    CHECK (kind IN ('volunteer', 'ngo', 'sponsor', 'state', 'business', 'other')),
    name_kk         TEXT NOT NULL,
    name_ru         TEXT NOT NULL,
    name_key        TEXT NOT NULL,
    bin             TEXT CHECK (bin IS NULL OR (length(bin) = 12 AND bin NOT GLOB '*[^0-9]*')),
    contact_person  TEXT,
    phone           TEXT,
    notes           TEXT,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX organisations_bin ON organisations (bin) WHERE bin IS NOT NULL;
CREATE INDEX organisations_name ON organisations (name_key);

-- Where aid comes from. A source may carry a budget (a grant of 15 × 300 000 ₸) so that
-- spent against budget can be shown.
CREATE TABLE funding_sources (
    id              TEXT PRIMARY KEY,
    code            TEXT UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('budget', 'sponsor', 'ngo', 'grant', 'other')),
    name_kk         TEXT NOT NULL,
    name_ru         TEXT NOT NULL,
    organisation_id TEXT REFERENCES organisations (id),
    budget          INTEGER CHECK (budget IS NULL OR budget >= 0),
    starts_on       TEXT,
    ends_on         TEXT,
    notes           TEXT,
    sort_order      INTEGER NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

-- The catalogue of aid. `unit_value` is the default value in tenge of one unit, so
-- in-kind aid is valued when recorded. `rule` limits how often a family receives it:
-- every `rule_days` days, once per heating season (1 July to 30 June), or once per
-- calendar year.
CREATE TABLE aid_types (
    id              TEXT PRIMARY KEY,
    code            TEXT UNIQUE,
    name_kk         TEXT NOT NULL,
    name_ru         TEXT NOT NULL,
    unit            TEXT NOT NULL CHECK (unit IN ('tenge', 'kg', 't', 'm3', 'pcs', 'set', 'hours')),
    unit_value      INTEGER CHECK (unit_value IS NULL OR unit_value >= 0),
    rule            TEXT NOT NULL DEFAULT 'none'
                    CHECK (rule IN ('none', 'days', 'heating-season', 'year')),
    rule_days       INTEGER CHECK (rule_days IS NULL OR rule_days > 0),
    sort_order      INTEGER NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((rule = 'days') = (rule_days IS NOT NULL))
) STRICT;

CREATE TABLE campaigns (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    kind              TEXT NOT NULL
                      CHECK (kind IN ('aid', 'school', 'holiday', 'volunteer', 'blood', 'cleanup',
                                      'other')),
    starts_on         TEXT,
    ends_on           TEXT,
    organiser_id      TEXT REFERENCES organisations (id),
    funding_source_id TEXT REFERENCES funding_sources (id),
    description       TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;

CREATE TABLE volunteers (
    id               TEXT PRIMARY KEY,
    surname          TEXT NOT NULL,
    name             TEXT NOT NULL,
    patronymic       TEXT,
    sort_key         TEXT NOT NULL,
    search_key       TEXT NOT NULL,
    birth_date       TEXT,
    sex              TEXT CHECK (sex IS NULL OR sex IN ('male', 'female')),
    iin              TEXT CHECK (iin IS NULL OR (length(iin) = 12 AND iin NOT GLOB '*[^0-9]*')),
    phone            TEXT,
    organisation_id  TEXT REFERENCES organisations (id),
    civil_servant    INTEGER NOT NULL DEFAULT 0 CHECK (civil_servant IN (0, 1)),
    agency           TEXT,
    position         TEXT,
    joined_on        TEXT,
    -- Written consent of a parent for a volunteer under 14 (law «Волонтерлік қызмет туралы»).
    parental_consent INTEGER NOT NULL DEFAULT 0 CHECK (parental_consent IN (0, 1)),
    notes            TEXT,
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX volunteers_iin ON volunteers (iin) WHERE iin IS NOT NULL;
CREATE INDEX volunteers_sorted ON volunteers (sort_key);

-- One aid given (or planned) to a family. `on_date` is the planned day until it is
-- delivered, then the day it was handed over.
CREATE TABLE deliveries (
    id                TEXT PRIMARY KEY,
    family_id         TEXT NOT NULL REFERENCES families (id),
    member_id         TEXT REFERENCES members (id) ON DELETE SET NULL,
    aid_type_id       TEXT NOT NULL REFERENCES aid_types (id),
    campaign_id       TEXT REFERENCES campaigns (id),
    funding_source_id TEXT REFERENCES funding_sources (id),
    on_date           TEXT NOT NULL,
    quantity_milli    INTEGER NOT NULL CHECK (quantity_milli > 0),
    value             INTEGER NOT NULL CHECK (value >= 0),
    status            TEXT NOT NULL CHECK (status IN ('planned', 'delivered', 'cancelled')),
    cancel_reason     TEXT,
    receipt_signed    INTEGER NOT NULL DEFAULT 0 CHECK (receipt_signed IN (0, 1)),
    -- Why the operator went ahead although the aid type's frequency rule said no.
    rule_override     TEXT,
    notes             TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX deliveries_family ON deliveries (family_id, on_date);
CREATE INDEX deliveries_type_date ON deliveries (aid_type_id, on_date);
CREATE INDEX deliveries_campaign ON deliveries (campaign_id, family_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX deliveries_source ON deliveries (funding_source_id) WHERE funding_source_id IS NOT NULL;
CREATE INDEX deliveries_member ON deliveries (member_id) WHERE member_id IS NOT NULL;

CREATE TABLE delivery_volunteers (
    delivery_id   TEXT NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    volunteer_id  TEXT NOT NULL REFERENCES volunteers (id),
    PRIMARY KEY (delivery_id, volunteer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX delivery_volunteers_volunteer ON delivery_volunteers (volunteer_id);

CREATE TABLE volunteer_activities (
    id            TEXT PRIMARY KEY,
    volunteer_id  TEXT NOT NULL REFERENCES volunteers (id),
    on_date       TEXT NOT NULL,
    campaign_id   TEXT REFERENCES campaigns (id),
    kind          TEXT NOT NULL
                  CHECK (kind IN ('delivery', 'cleaning', 'event', 'blood-donation',
                                  'tree-planting', 'other')),
    minutes       INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
    delivery_id   TEXT REFERENCES deliveries (id) ON DELETE SET NULL,
    notes         TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX volunteer_activities_volunteer ON volunteer_activities (volunteer_id, on_date);
CREATE INDEX volunteer_activities_campaign ON volunteer_activities (campaign_id)
    WHERE campaign_id IS NOT NULL;

-- Seed: the aid of the domain guide, with example values the office corrects to its
-- prices, and the local budget as the first source.
INSERT INTO aid_types (id, code, name_kk, name_ru, unit, unit_value, rule, rule_days, sort_order, active, created_at, updated_at) VALUES
    ('24d47b08-b572-5750-bfb2-48ccf1e87dfc', 'food-basket', 'азық-түлік себеті', 'продуктовая корзина', 'set', 20000, 'days', 30, 1, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('dae81279-a4e5-57aa-9236-45713bc8c7ea', 'coal', 'көмір', 'уголь', 't', 30000, 'heating-season', NULL, 2, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('984637f5-acfd-5f80-8852-feb5e0edbd14', 'firewood', 'отын', 'дрова', 'm3', 12000, 'heating-season', NULL, 3, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('357bb34b-ad0a-57e6-b67a-00cddfbac9e7', 'clothes', 'киім', 'одежда', 'set', 15000, 'none', NULL, 4, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('65f3374c-e054-5e99-8109-67af9b5d140c', 'school-supplies', 'мектеп формасы мен кеңсе тауарлары', 'школьная форма и канцтовары', 'set', 25000, 'year', NULL, 5, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('7f52f5dc-f060-521d-94aa-6f0698900a31', 'medicine', 'дәрі-дәрмек', 'лекарства', 'tenge', 1, 'none', NULL, 6, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('e00bef6f-1e40-50c9-b425-115ad72b92f4', 'hygiene', 'гигиена құралдары', 'средства гигиены', 'set', 5000, 'none', NULL, 7, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('825e2de3-42cf-5232-a567-365f3519a1ea', 'cash', 'ақшалай көмек', 'денежная помощь', 'tenge', 1, 'none', NULL, 8, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('2e9da6a9-a5c2-59fb-93c2-7049938bd38a', 'housing', 'тұрғын үй көмегі', 'жилищная помощь', 'tenge', 1, 'none', NULL, 9, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('784f8e96-9bb3-59a9-b6f1-4c339eea469f', 'gas-connection', 'газ жүргізу', 'подключение газа', 'pcs', NULL, 'none', NULL, 10, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('d0d98849-43c9-58b0-829b-37d86084ba09', 'house-cleaning', 'санитарлық-тазалық жұмыстары', 'санитарная уборка', 'hours', 0, 'none', NULL, 11, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('6d2846a7-592a-526c-9e8d-765d48bb36cd', 'appliances', 'тұрмыстық техника', 'бытовая техника', 'pcs', NULL, 'none', NULL, 12, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z');

INSERT INTO funding_sources (id, code, kind, name_kk, name_ru, sort_order, active, created_at, updated_at) VALUES
    ('8881833b-0266-56b6-b70e-6b7efef62931', 'local-budget', 'budget', 'жергілікті бюджет', 'местный бюджет', 1, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z');
