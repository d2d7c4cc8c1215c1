-- A volunteer's sign-up signs nobody in: its holder first opens the link e-mailed to the address (valid 72 hours),
-- so that the sign-up's answer tells nobody whether the address already had an account. The accounts open so far
-- were opened by the platform, an administrator or a sign-up that signed in at once: they count as confirmed.
ALTER TABLE account ADD COLUMN email_confirmed_at DATETIME(6) NULL AFTER two_factor_enabled_at;
UPDATE account SET email_confirmed_at = created_at;
