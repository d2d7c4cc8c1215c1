-- A blocked number is kept encrypted too (bound to its row), so that a key rotation can hash it again under the new
-- key: without it, the number would fall off the list. Erased with the row when it is unblocked.
ALTER TABLE blocked_number ADD COLUMN phone_cipher VARBINARY(128) NULL;
