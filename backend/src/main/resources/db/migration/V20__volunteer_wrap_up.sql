-- After each request leaves a volunteer's hands, a short wrap-up time (notes, the outcome form, a breath) during
-- which routing offers them nothing new.
ALTER TABLE volunteer_presence ADD COLUMN wrap_up_until DATETIME(6) NULL;
