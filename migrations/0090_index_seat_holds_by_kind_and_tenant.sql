-- National scale (issue #7). Availability asks "which seats of this park are held in [from, to)?": with
-- kind and seat_id in the index that is a covering range instead of one table lookup per hold (≈ 23,000 in
-- a 15,000-seat park). A staffing scenario asks "how many seats does this tenant hold each day?": without
-- a tenant index that read skip-scanned every park's holds (≈ 930,000 rows, ≈ 120 ms); with it, ≈ 1 ms.
-- Free seats are counted per zone: (park_id, zone_id) gives the grouping in index order, no temp B-tree.
CREATE INDEX ix_seat_holds_park_kind ON seat_holds (park_id, kind, start_date, end_date, seat_id);
CREATE INDEX ix_seat_holds_tenant ON seat_holds (tenant_id, kind, start_date, end_date);
CREATE INDEX ix_seats_park_zone ON seats (park_id, zone_id, service_status);
