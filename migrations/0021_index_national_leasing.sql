-- Lease and tenant lists at national scale (issue #4 Scale, issue #7): 15,000 leases, 5,000 tenants.
-- The lease list pages by number (all parks, or one park, or one stage) and counts with the same filters;
-- without these it sorts every lease of every park on each request (≈ 25 ms; 50 concurrent clients turn
-- that into a second). With them the page is an index range read in order and the count a covering range.
CREATE INDEX ix_leases_number ON leases (number);
CREATE INDEX ix_leases_stage_number ON leases (stage, number);
CREATE INDEX ix_leases_park_stage_number ON leases (park_id, stage, number);
CREATE INDEX ix_leases_status_number ON leases (status, number);
-- The tenant list counts each tenant's leases that are not cancelled: a covering lookup per row.
CREATE INDEX ix_leases_tenant_status ON leases (tenant_id, status);
