-- 0010: a campaign's summary reads its deliveries from this index alone — status, aid type,
-- value, quantity and id beside the campaign and family — instead of looking each of tens
-- of thousands of rows up in the table (290 ms → about 80 ms for a 40 000-delivery
-- campaign). The same name and leading columns: every query that used it still does.
DROP INDEX deliveries_campaign;
CREATE INDEX deliveries_campaign ON deliveries
    (campaign_id, family_id, status, aid_type_id, value, quantity_milli, id)
    WHERE campaign_id IS NOT NULL;
