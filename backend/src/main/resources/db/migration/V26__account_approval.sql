-- An account may use the staff API only once approved: at once when an administrator opens it, after a
-- coordinator's approval when a volunteer signs up on their own. Until then it reaches its onboarding only.
ALTER TABLE account ADD COLUMN approved_at DATETIME(6) NULL;

UPDATE account a
SET a.approved_at = a.created_at
WHERE NOT EXISTS (SELECT 1 FROM volunteer v
                  WHERE v.account_id = a.id AND v.applied_at IS NOT NULL AND v.approved_at IS NULL);
