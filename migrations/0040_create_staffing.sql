-- Staffing (人力测算): a tenant's service lines (queues), their interval volumes, and what-if
-- scenarios with the seats they need. Rates are basis points (10000 = 100%); volumes may be
-- fractional (patterns and forecasts); interval starts are local 'yyyy-MM-ddTHH:mm' text.

CREATE TABLE staffing_service_lines (
    id                 INTEGER PRIMARY KEY,
    park_id            INTEGER NOT NULL REFERENCES parks (id),
    tenant_id          INTEGER NOT NULL REFERENCES tenants (id),
    name               TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    interval_seconds   INTEGER NOT NULL CHECK (interval_seconds IN (900, 1800, 3600)),
    aht_seconds        INTEGER NOT NULL CHECK (aht_seconds BETWEEN 1 AND 86400),
    sl_target_bp       INTEGER NOT NULL CHECK (sl_target_bp BETWEEN 0 AND 9999),
    sl_seconds         INTEGER NOT NULL CHECK (sl_seconds BETWEEN 1 AND 3600),
    shrinkage_bp       INTEGER NOT NULL CHECK (shrinkage_bp BETWEEN 0 AND 9000),
    max_occupancy_bp   INTEGER NOT NULL CHECK (max_occupancy_bp BETWEEN 1 AND 10000),
    patience_seconds   INTEGER NULL CHECK (patience_seconds IS NULL OR patience_seconds BETWEEN 1 AND 86400),
    max_abandon_bp     INTEGER NULL CHECK (max_abandon_bp IS NULL OR max_abandon_bp BETWEEN 1 AND 10000),
    agents_per_lead    INTEGER NOT NULL DEFAULT 15 CHECK (agents_per_lead BETWEEN 0 AND 1000),
    agents_per_qa      INTEGER NOT NULL DEFAULT 25 CHECK (agents_per_qa BETWEEN 0 AND 1000),
    seat_sharing_bp    INTEGER NOT NULL DEFAULT 10000 CHECK (seat_sharing_bp BETWEEN 1000 AND 10000),
    created_at         TEXT    NOT NULL,
    row_version        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (tenant_id, name),
    CHECK (max_abandon_bp IS NULL OR patience_seconds IS NOT NULL)
) STRICT;

CREATE INDEX ix_staffing_service_lines_park ON staffing_service_lines (park_id);

-- One row per interval; re-importing the same interval replaces it (an import is idempotent).
CREATE TABLE staffing_volumes (
    service_line_id  INTEGER NOT NULL REFERENCES staffing_service_lines (id),
    interval_start   TEXT    NOT NULL,
    offered          REAL    NOT NULL CHECK (offered >= 0),
    handled          REAL    NOT NULL CHECK (handled >= 0),
    aht_seconds      REAL    NOT NULL CHECK (aht_seconds >= 0),
    source           TEXT    NOT NULL CHECK (source IN ('import', 'pattern')),
    PRIMARY KEY (service_line_id, interval_start)
) STRICT, WITHOUT ROWID;

CREATE TABLE staffing_scenarios (
    id                INTEGER PRIMARY KEY,
    park_id           INTEGER NOT NULL REFERENCES parks (id),
    tenant_id         INTEGER NOT NULL REFERENCES tenants (id),
    service_line_id   INTEGER NOT NULL REFERENCES staffing_service_lines (id),
    name              TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    method            TEXT    NOT NULL CHECK (method IN ('seasonal_naive', 'holt_winters')),
    start_date        TEXT    NOT NULL,
    weeks             INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 13),
    growth_bp         INTEGER NOT NULL DEFAULT 0 CHECK (growth_bp BETWEEN -9000 AND 100000),
    aht_seconds       INTEGER NULL CHECK (aht_seconds IS NULL OR aht_seconds BETWEEN 1 AND 86400),
    is_plan           INTEGER NOT NULL DEFAULT 0 CHECK (is_plan IN (0, 1)),
    peak_positions    INTEGER NOT NULL CHECK (peak_positions >= 0),
    seats_needed      INTEGER NOT NULL CHECK (seats_needed >= 0),
    created_at        TEXT    NOT NULL,
    row_version       INTEGER NOT NULL DEFAULT 1,
    UNIQUE (service_line_id, name)
) STRICT;

CREATE INDEX ix_staffing_scenarios_tenant ON staffing_scenarios (tenant_id, service_line_id);
CREATE INDEX ix_staffing_scenarios_plan ON staffing_scenarios (park_id, is_plan);
