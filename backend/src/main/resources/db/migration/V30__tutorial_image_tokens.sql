-- Pictures are addressed by an unguessable name instead of their sequential id, so that nobody can list them. New ones
-- get 128 random bits from the application; those uploaded before this version get a name derived here, once.
ALTER TABLE tutorial_image ADD COLUMN token CHAR(32) NULL AFTER id;
UPDATE tutorial_image
SET token = SUBSTRING(SHA2(CONCAT(id, ':', sha256, ':', UUID(), ':', RAND(), ':', SYSDATE(6)), 256), 1, 32);
ALTER TABLE tutorial_image MODIFY token CHAR(32) NOT NULL, ADD CONSTRAINT uk_tutorial_image_token UNIQUE (token);

-- Tutorials refer to their pictures by address: rewrite the old addresses. A multi-table UPDATE changes each row once,
-- so it is repeated for tutorials with several pictures (a tutorial's pictures weigh 100 kB at most: a dozen at most).
UPDATE tutorial t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial_revision t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial_revision t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial_revision t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial_revision t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial_revision t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial_revision t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial_revision t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial_revision t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial_revision t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial_revision t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial_revision t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
UPDATE tutorial_revision t JOIN tutorial_image i
    ON t.steps LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
    OR t.prerequisites LIKE CONCAT('%/tutoriels/images/', i.id, '.jpg%')
SET t.steps = REPLACE(t.steps, CONCAT('/tutoriels/images/', i.id, '.jpg'), CONCAT('/tutoriels/images/', i.token, '.jpg')),
    t.prerequisites = REPLACE(t.prerequisites, CONCAT('/tutoriels/images/', i.id, '.jpg'),
        CONCAT('/tutoriels/images/', i.token, '.jpg'));
