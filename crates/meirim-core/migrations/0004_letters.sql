-- Letters, diplomas and certificates: the templates an office edits, the register of
-- every document issued (numbered per year, checkable by its QR code), and the dative forms
-- a person corrected so the next batch reuses them.

CREATE TABLE letter_templates (
    id          TEXT PRIMARY KEY,
    -- The ready template this one started as; NULL for one the office wrote.
    seed_code   TEXT UNIQUE,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('gratitude', 'diploma', 'certificate')),
    -- A letter is addressed to someone (dative); a diploma names its holder (nominative).
    addressee   TEXT NOT NULL CHECK (addressee IN ('dative', 'nominative')),
    name_kk     TEXT NOT NULL,
    name_ru     TEXT NOT NULL,
    title_kk    TEXT NOT NULL,
    title_ru    TEXT NOT NULL,
    body_kk     TEXT NOT NULL,
    body_ru     TEXT NOT NULL,
    position_kk TEXT NOT NULL DEFAULT '',
    position_ru TEXT NOT NULL DEFAULT '',
    -- «А.Б. Серіков»: initials and surname, written the same in both languages.
    signatory   TEXT NOT NULL DEFAULT '',
    seal        INTEGER NOT NULL DEFAULT 1 CHECK (seal IN (0, 1)),
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

INSERT INTO letter_templates (id, seed_code, position, kind, addressee, name_kk, name_ru,
                              title_kk, title_ru, body_kk, body_ru, created_at, updated_at)
SELECT column1, column2, column3, column4, column5, column6, column7, column8, column9,
       column10, column11, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM (VALUES
    ('seed-gratitude-campaign', 'gratitude-campaign', 1, 'gratitude', 'dative',
     'Акцияға қатысқан еріктіге алғыс хат',
     'Благодарность волонтёру за участие в акции',
     'АЛҒЫС ХАТ', 'БЛАГОДАРСТВЕННОЕ ПИСЬМО',
     '{campaign} акциясына белсене қатысып, {hours} сағат уақытыңызды мұқтаж отбасыларға көмектесуге арнағаныңыз үшін шынайы алғысымызды білдіреміз. Сіздің ізгі ісіңіз өзгелерге үлгі болады. Сізге зор денсаулық, отбасыңызға амандық пен береке тілейміз!',
     'Выражаем Вам искреннюю благодарность за активное участие в акции {campaign} и {hours}, посвящённых помощи нуждающимся семьям. Ваше доброе дело служит примером для других. Желаем Вам крепкого здоровья, мира и благополучия Вашей семье!'),
    ('seed-gratitude-deed', 'gratitude-deed', 2, 'gratitude', 'dative',
     'Игі іс үшін алғыс хат',
     'Благодарность за доброе дело',
     'АЛҒЫС ХАТ', 'БЛАГОДАРСТВЕННОЕ ПИСЬМО',
     'Сізге {deed} үшін алғыс білдіреміз. Жанашырлығыңыз бен қайырымдылығыңыз ауылымыздың көптеген отбасына қуаныш сыйлады. Еңбегіңіз жемісті, шаңырағыңыз шаттыққа толы болсын!',
     'Благодарим Вас за {deed}. Ваша отзывчивость и доброта принесли радость многим семьям нашего села. Желаем Вам успехов в труде и счастья Вашему дому!'),
    ('seed-gratitude-sponsor', 'gratitude-sponsor', 3, 'gratitude', 'dative',
     'Демеушіге алғыс хат',
     'Благодарность спонсору',
     'АЛҒЫС ХАТ', 'БЛАГОДАРСТВЕННОЕ ПИСЬМО',
     '{period} аралығында аз қамтылған және көпбалалы отбасыларға көрсеткен демеушілік көмегіңіз үшін шын жүректен алғыс айтамыз. Сіздің қолдауыңыздың арқасында {campaign} акциясы табысты өтті.',
     'Сердечно благодарим Вас за спонсорскую помощь малообеспеченным и многодетным семьям в период {period}. Благодаря Вашей поддержке акция {campaign} прошла успешно.'),
    ('seed-diploma-campaign', 'diploma-campaign', 4, 'diploma', 'nominative',
     'Акцияны ұйымдастырғаны үшін құрмет грамотасы',
     'Почётная грамота за организацию акции',
     'ҚҰРМЕТ ГРАМОТАСЫ', 'ПОЧЁТНАЯ ГРАМОТА',
     '{campaign} акциясын ұйымдастыруға және өткізуге қосқан зор үлесі үшін марапатталады.',
     'награждается за большой вклад в организацию и проведение акции {campaign}.'),
    ('seed-diploma-volunteer', 'diploma-volunteer', 5, 'diploma', 'nominative',
     'Белсенді еріктіге құрмет грамотасы',
     'Почётная грамота активному волонтёру',
     'ҚҰРМЕТ ГРАМОТАСЫ', 'ПОЧЁТНАЯ ГРАМОТА',
     '{period} аралығындағы белсенді волонтерлік қызметі және мұқтаж жандарға көрсеткен қамқорлығы үшін марапатталады.',
     'награждается за активную волонтёрскую деятельность и заботу о нуждающихся в период {period}.'),
    ('seed-certificate-hours', 'certificate-hours', 6, 'certificate', 'nominative',
     'Волонтерлік сағаттар туралы сертификат',
     'Сертификат о волонтёрских часах',
     'СЕРТИФИКАТ', 'СЕРТИФИКАТ',
     '{period} аралығында волонтерлік қызметке қатысып, {hours} сағат қоғамдық пайдалы жұмыс атқарғанын растайды.',
     'подтверждает участие в волонтёрской деятельности в период {period} в объёме {hours} общественно полезной работы.'),
    ('seed-certificate-campaign', 'certificate-campaign', 7, 'certificate', 'nominative',
     'Акцияға қатысу сертификаты',
     'Сертификат участника акции',
     'СЕРТИФИКАТ', 'СЕРТИФИКАТ',
     '{campaign} акциясына қатысқанын растайды. Атқарған жұмысы: {deed}.',
     'подтверждает участие в акции {campaign}. Выполненная работа: {deed}.')
);

CREATE TABLE issued_documents (
    id            TEXT PRIMARY KEY,
    year          INTEGER NOT NULL,
    -- Sequential within the year; the printed number is made from it by the office's format.
    seq           INTEGER NOT NULL CHECK (seq > 0),
    number        TEXT NOT NULL UNIQUE,
    issued_on     TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('gratitude', 'diploma', 'certificate')),
    template_id   TEXT REFERENCES letter_templates (id),
    -- The documents printed together in one PDF.
    batch_id      TEXT NOT NULL,
    recipient     TEXT NOT NULL,
    volunteer_id  TEXT REFERENCES volunteers (id) ON DELETE SET NULL,
    campaign_id   TEXT REFERENCES campaigns (id) ON DELETE SET NULL,
    reason        TEXT NOT NULL,
    signatory     TEXT NOT NULL,
    -- What the QR code carries besides the number: a short hash of number, date,
    -- recipient and office, so an altered paper does not verify.
    hash          TEXT NOT NULL,
    -- The page exactly as printed (JSON), so a reprint is the same document.
    page          TEXT NOT NULL,
    issued_by     TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    cancelled_at  TEXT,
    cancelled_by  TEXT,
    cancel_reason TEXT,
    CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL)),
    UNIQUE (year, seq)
) STRICT;
CREATE INDEX issued_documents_batch ON issued_documents (batch_id);
CREATE INDEX issued_documents_volunteer ON issued_documents (volunteer_id)
    WHERE volunteer_id IS NOT NULL;

-- A dative form someone corrected for a name typed into a batch (volunteers keep theirs on
-- their own row).
CREATE TABLE name_datives (
    nominative TEXT NOT NULL,
    lang       TEXT NOT NULL CHECK (lang IN ('kk', 'ru')),
    dative     TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (nominative, lang)
) STRICT, WITHOUT ROWID;

ALTER TABLE volunteers ADD COLUMN dative_kk TEXT;
ALTER TABLE volunteers ADD COLUMN dative_ru TEXT;

-- The emblem or logo printed at the top of letters (PNG or JPEG), kept in the registry so
-- it travels with its backups.
CREATE TABLE office_logo (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    bytes      BLOB NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
