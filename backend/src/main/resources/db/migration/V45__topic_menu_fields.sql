-- The phone menu is set from the staff app: what the IVR says for a theme (spoken_fr, the theme's name when empty),
-- whether it is offered, and its key (none for a theme no longer offered; unique among those that have one).
ALTER TABLE topic
    ADD COLUMN spoken_fr VARCHAR(200) NULL,
    ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE,
    MODIFY COLUMN menu_digit CHAR(1) NULL;
