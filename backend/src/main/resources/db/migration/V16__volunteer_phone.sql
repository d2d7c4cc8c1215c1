-- The phone the platform rings to connect a volunteer to a caller (live calls, callbacks), encrypted as citizens'
-- numbers are (AES-GCM, privacy keys). Never shown to citizens; shown masked to the volunteer.
ALTER TABLE volunteer ADD COLUMN phone_cipher VARBINARY(128) NULL;
