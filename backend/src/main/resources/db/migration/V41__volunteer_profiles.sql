-- Coordinators manage volunteers' profiles (issue 15): a version, so that a change made meanwhile is not overwritten,
-- and a training a coordinator vouched for (done in person): by whom, and how it was done.
ALTER TABLE volunteer
    ADD COLUMN profile_version INT NOT NULL DEFAULT 0,
    ADD COLUMN trained_in_person_by BIGINT NULL,
    ADD COLUMN trained_in_person_reason VARCHAR(500) NULL;
