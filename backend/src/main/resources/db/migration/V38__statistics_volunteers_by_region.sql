-- Once volunteers' own days are forgotten, each région keeps its own anonymous line for the day (volunteer 0): the
-- région belongs in the key, or the régions' lines would be merged into one.
ALTER TABLE statistics_volunteers DROP PRIMARY KEY, ADD PRIMARY KEY (day, volunteer_id, region_code);
