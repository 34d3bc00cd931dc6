-- Parks and their seat inventory: park -> building -> floor -> zone -> seat.
-- Plan coordinates are in decimetres on the floor plan (origin top-left).

CREATE TABLE parks (
    id             INTEGER PRIMARY KEY,
    code           TEXT    NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 20),
    name_zh        TEXT    NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
    name_en        TEXT    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 150),
    city           TEXT    NOT NULL,
    address        TEXT    NOT NULL DEFAULT '',
    operator_name  TEXT    NOT NULL DEFAULT '',
    operator_uscc  TEXT    NOT NULL DEFAULT '',
    opened_on      TEXT    NULL,
    created_at     TEXT    NOT NULL,
    row_version    INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE buildings (
    id          INTEGER PRIMARY KEY,
    park_id     INTEGER NOT NULL REFERENCES parks (id),
    code        TEXT    NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
    name        TEXT    NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (park_id, code)
) STRICT;

CREATE TABLE floors (
    id          INTEGER PRIMARY KEY,
    building_id INTEGER NOT NULL REFERENCES buildings (id),
    level       INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    plan_width  INTEGER NOT NULL CHECK (plan_width > 0),
    plan_height INTEGER NOT NULL CHECK (plan_height > 0),
    row_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (building_id, level)
) STRICT;

CREATE TABLE zones (
    id          INTEGER PRIMARY KEY,
    floor_id    INTEGER NOT NULL REFERENCES floors (id),
    code        TEXT    NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
    name        TEXT    NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (floor_id, code)
) STRICT;

CREATE TABLE seats (
    id              INTEGER PRIMARY KEY,
    park_id         INTEGER NOT NULL REFERENCES parks (id),
    zone_id         INTEGER NOT NULL REFERENCES zones (id),
    code            TEXT    NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
    seat_type       TEXT    NOT NULL CHECK (seat_type IN ('agent', 'team_lead', 'quality', 'training')),
    has_pc          INTEGER NOT NULL DEFAULT 1 CHECK (has_pc IN (0, 1)),
    has_headset     INTEGER NOT NULL DEFAULT 1 CHECK (has_headset IN (0, 1)),
    has_phone_line  INTEGER NOT NULL DEFAULT 1 CHECK (has_phone_line IN (0, 1)),
    monitors        INTEGER NOT NULL DEFAULT 1 CHECK (monitors BETWEEN 0 AND 4),
    pci_zone        INTEGER NOT NULL DEFAULT 0 CHECK (pci_zone IN (0, 1)),
    x               INTEGER NOT NULL CHECK (x >= 0),
    y               INTEGER NOT NULL CHECK (y >= 0),
    service_status  TEXT    NOT NULL DEFAULT 'in_service'
                    CHECK (service_status IN ('in_service', 'maintenance', 'retired')),
    status_since    TEXT    NOT NULL,
    status_until    TEXT    NULL,
    created_at      TEXT    NOT NULL,
    row_version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (park_id, code)
) STRICT;

CREATE INDEX ix_seats_zone ON seats (zone_id);
CREATE INDEX ix_buildings_park ON buildings (park_id);
CREATE INDEX ix_floors_building ON floors (building_id);
CREATE INDEX ix_zones_floor ON zones (floor_id);
