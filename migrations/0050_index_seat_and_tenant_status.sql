-- Park list at national scale (issue #7): each park row counts its seats by service status (tenants by
-- status use 0020's ix_tenants_park_status). Without this the counts read every seat row of every park (≈ 260 ms for 40
-- parks × 15,000 seats); with them each count is a covering index range (≈ 60 ms).
CREATE INDEX ix_seats_park_status ON seats (park_id, service_status);
