-- The months before this one are summed in statistics_volunteer_months (none yet: the next run of the job sums them).
ALTER TABLE statistics_rollup_state ADD COLUMN volunteer_months_until DATE NULL;
