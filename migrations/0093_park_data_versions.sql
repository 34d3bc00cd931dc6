-- National scale (issue #7, decision 0008). Availability counts a park's free seats from a copy of its seats and
-- holds kept in memory, read again only when the park's data has changed since. Every insert, update or delete of
-- a seat, a hold, a zone or a floor bumps its park's version here, in the same transaction as the change, so a
-- reader that finds the version it copied at knows its copy is still exact.
CREATE TABLE park_data_versions (
    park_id  INTEGER PRIMARY KEY,
    version  INTEGER NOT NULL
) STRICT;

CREATE TRIGGER seats_bump_version_insert AFTER INSERT ON seats
BEGIN
    INSERT INTO park_data_versions (park_id, version) VALUES (NEW.park_id, 1)
    ON CONFLICT (park_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER seats_bump_version_update AFTER UPDATE ON seats
BEGIN
    INSERT INTO park_data_versions (park_id, version) VALUES (OLD.park_id, 1)
    ON CONFLICT (park_id) DO UPDATE SET version = version + 1;
    INSERT INTO park_data_versions (park_id, version) SELECT NEW.park_id, 1 WHERE NEW.park_id <> OLD.park_id
    ON CONFLICT (park_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER seats_bump_version_delete AFTER DELETE ON seats
BEGIN
    INSERT INTO park_data_versions (park_id, version) VALUES (OLD.park_id, 1)
    ON CONFLICT (park_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER seat_holds_bump_version_insert AFTER INSERT ON seat_holds
BEGIN
    INSERT INTO park_data_versions (park_id, version) VALUES (NEW.park_id, 1)
    ON CONFLICT (park_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER seat_holds_bump_version_update AFTER UPDATE ON seat_holds
BEGIN
    INSERT INTO park_data_versions (park_id, version) VALUES (OLD.park_id, 1)
    ON CONFLICT (park_id) DO UPDATE SET version = version + 1;
    INSERT INTO park_data_versions (park_id, version) SELECT NEW.park_id, 1 WHERE NEW.park_id <> OLD.park_id
    ON CONFLICT (park_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER seat_holds_bump_version_delete AFTER DELETE ON seat_holds
BEGIN
    INSERT INTO park_data_versions (park_id, version) VALUES (OLD.park_id, 1)
    ON CONFLICT (park_id) DO UPDATE SET version = version + 1;
END;

-- A zone or floor moving (or going) changes where a park's seats are; buildings belong to one park for good.
CREATE TRIGGER zones_bump_version AFTER UPDATE OF floor_id ON zones
BEGIN
    INSERT INTO park_data_versions (park_id, version)
    SELECT b.park_id, 1 FROM floors f JOIN buildings b ON b.id = f.building_id WHERE f.id IN (OLD.floor_id, NEW.floor_id)
    ON CONFLICT (park_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER floors_bump_version AFTER UPDATE OF building_id ON floors
BEGIN
    INSERT INTO park_data_versions (park_id, version)
    SELECT b.park_id, 1 FROM buildings b WHERE b.id IN (OLD.building_id, NEW.building_id)
    ON CONFLICT (park_id) DO UPDATE SET version = version + 1;
END;
