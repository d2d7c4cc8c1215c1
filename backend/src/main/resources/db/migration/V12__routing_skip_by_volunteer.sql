-- Claims ask whether a volunteer skipped any request still in the index, once per claim.
CREATE INDEX ix_routing_skip_volunteer ON routing_skip (volunteer_id);
