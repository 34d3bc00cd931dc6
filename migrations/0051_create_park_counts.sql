-- Per-park seat and tenant counts kept by triggers (issue #7). The park list shows them on every
-- row; counting 15,000 seats per park on each request costs ≈ 55 ms of CPU for 40 parks, which
-- 50 concurrent clients on 2 cores turn into seconds. The triggers keep the counts exact for every
-- writer (services, CSV import, seeds); they are the only writers of this table.

CREATE TABLE park_counts (
    park_id            INTEGER PRIMARY KEY REFERENCES parks (id),
    seats_in_service   INTEGER NOT NULL DEFAULT 0 CHECK (seats_in_service >= 0),
    seats_maintenance  INTEGER NOT NULL DEFAULT 0 CHECK (seats_maintenance >= 0),
    seats_retired      INTEGER NOT NULL DEFAULT 0 CHECK (seats_retired >= 0),
    tenants_current    INTEGER NOT NULL DEFAULT 0 CHECK (tenants_current >= 0)
) STRICT;

INSERT INTO park_counts (park_id, seats_in_service, seats_maintenance, seats_retired, tenants_current)
SELECT p.id,
       (SELECT count(*) FROM seats s WHERE s.park_id = p.id AND s.service_status = 'in_service'),
       (SELECT count(*) FROM seats s WHERE s.park_id = p.id AND s.service_status = 'maintenance'),
       (SELECT count(*) FROM seats s WHERE s.park_id = p.id AND s.service_status = 'retired'),
       (SELECT count(*) FROM tenants t WHERE t.park_id = p.id AND t.status IN ('admitted', 'active'))
FROM parks p;

CREATE TRIGGER park_counts_park_insert AFTER INSERT ON parks
BEGIN
    INSERT INTO park_counts (park_id) VALUES (NEW.id);
END;

CREATE TRIGGER park_counts_seat_insert AFTER INSERT ON seats
BEGIN
    UPDATE park_counts SET seats_in_service = seats_in_service + (NEW.service_status = 'in_service'),
                           seats_maintenance = seats_maintenance + (NEW.service_status = 'maintenance'),
                           seats_retired = seats_retired + (NEW.service_status = 'retired')
    WHERE park_id = NEW.park_id;
END;

CREATE TRIGGER park_counts_seat_delete AFTER DELETE ON seats
BEGIN
    UPDATE park_counts SET seats_in_service = seats_in_service - (OLD.service_status = 'in_service'),
                           seats_maintenance = seats_maintenance - (OLD.service_status = 'maintenance'),
                           seats_retired = seats_retired - (OLD.service_status = 'retired')
    WHERE park_id = OLD.park_id;
END;

CREATE TRIGGER park_counts_seat_update AFTER UPDATE OF service_status, park_id ON seats
WHEN OLD.service_status <> NEW.service_status OR OLD.park_id <> NEW.park_id
BEGIN
    UPDATE park_counts SET seats_in_service = seats_in_service - (OLD.service_status = 'in_service'),
                           seats_maintenance = seats_maintenance - (OLD.service_status = 'maintenance'),
                           seats_retired = seats_retired - (OLD.service_status = 'retired')
    WHERE park_id = OLD.park_id;
    UPDATE park_counts SET seats_in_service = seats_in_service + (NEW.service_status = 'in_service'),
                           seats_maintenance = seats_maintenance + (NEW.service_status = 'maintenance'),
                           seats_retired = seats_retired + (NEW.service_status = 'retired')
    WHERE park_id = NEW.park_id;
END;

CREATE TRIGGER park_counts_tenant_insert AFTER INSERT ON tenants
BEGIN
    UPDATE park_counts SET tenants_current = tenants_current + (NEW.status IN ('admitted', 'active')) WHERE park_id = NEW.park_id;
END;

CREATE TRIGGER park_counts_tenant_delete AFTER DELETE ON tenants
BEGIN
    UPDATE park_counts SET tenants_current = tenants_current - (OLD.status IN ('admitted', 'active')) WHERE park_id = OLD.park_id;
END;

CREATE TRIGGER park_counts_tenant_update AFTER UPDATE OF status, park_id ON tenants
WHEN OLD.status <> NEW.status OR OLD.park_id <> NEW.park_id
BEGIN
    UPDATE park_counts SET tenants_current = tenants_current - (OLD.status IN ('admitted', 'active')) WHERE park_id = OLD.park_id;
    UPDATE park_counts SET tenants_current = tenants_current + (NEW.status IN ('admitted', 'active')) WHERE park_id = NEW.park_id;
END;
