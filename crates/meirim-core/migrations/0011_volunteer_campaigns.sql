-- 0011: who delivered a campaign's aid, answered from delivery_volunteers alone. Each row
-- carries its delivery's campaign and whether it was delivered, kept in step by triggers
-- (a delivery's campaign or status changes; a volunteer is added to a delivery), so a
-- campaign's summary counts its volunteers from one index instead of probing the table
-- once for each of its tens of thousands of deliveries (45 ms → under 1 ms).
ALTER TABLE delivery_volunteers ADD COLUMN campaign_id TEXT;
ALTER TABLE delivery_volunteers ADD COLUMN delivered INTEGER NOT NULL DEFAULT 0
    CHECK (delivered IN (0, 1));
UPDATE delivery_volunteers
   SET (campaign_id, delivered) = (SELECT d.campaign_id, d.status = 'delivered'
                                     FROM deliveries d WHERE d.id = delivery_id);
CREATE INDEX delivery_volunteers_campaign
    ON delivery_volunteers (campaign_id, delivered, volunteer_id)
    WHERE campaign_id IS NOT NULL;
CREATE TRIGGER delivery_volunteers_fill AFTER INSERT ON delivery_volunteers BEGIN
    UPDATE delivery_volunteers
       SET (campaign_id, delivered) = (SELECT d.campaign_id, d.status = 'delivered'
                                         FROM deliveries d WHERE d.id = NEW.delivery_id)
     WHERE delivery_id = NEW.delivery_id AND volunteer_id = NEW.volunteer_id;
END;
CREATE TRIGGER delivery_volunteers_follow AFTER UPDATE OF campaign_id, status ON deliveries
BEGIN
    UPDATE delivery_volunteers
       SET campaign_id = NEW.campaign_id, delivered = NEW.status = 'delivered'
     WHERE delivery_id = NEW.id;
END;
