-- 0006: a campaign's name in Russian beside its Kazakh one, so a Russian letter, list or
-- report does not quote the Kazakh name. Empty means "the same in both languages".

ALTER TABLE campaigns ADD COLUMN name_ru TEXT;
