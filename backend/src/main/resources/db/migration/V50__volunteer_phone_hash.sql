-- The keyed hash of a volunteer's registered phone: the hotline recognises a volunteer in training calling from it
-- (with a Twilio account, where there is no simulated training phone) and counts the call as practice.
ALTER TABLE volunteer
    ADD COLUMN phone_hash CHAR(64) NULL,
    ADD INDEX ix_volunteer_phone_hash (phone_hash);
