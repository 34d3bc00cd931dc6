-- Leases (租赁合同) and the seats they hold.
--
-- A lease has versions: version 1 is the original; amendments and the changes they make are
-- later versions that take effect on a date. A signed version never changes.
-- seat_holds is the day-by-day truth of who holds a seat: rows are written when a version is
-- approved or signed (kind 'held') or drafted (kind 'reserved'); periods are half-open [start, end).
-- Invariant 1 (ARCHITECTURE.md): a seat is held by at most one lease on any day. The triggers below
-- enforce it in the database, so every writer and every race is covered.

CREATE TABLE leases (
    id               INTEGER PRIMARY KEY,
    park_id          INTEGER NOT NULL REFERENCES parks (id),
    tenant_id        INTEGER NOT NULL REFERENCES tenants (id),
    number           TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'approved', 'signed', 'cancelled')),
    stage            TEXT    NOT NULL DEFAULT 'upcoming'
                     CHECK (stage IN ('upcoming', 'active', 'up_for_renewal', 'notice_served', 'ended')),
    end_reason       TEXT    NULL CHECK (end_reason IS NULL OR end_reason IN ('expired', 'terminated', 'renewed')),
    start_date       TEXT    NOT NULL,
    end_date         TEXT    NOT NULL,
    predecessor_id   INTEGER NULL REFERENCES leases (id),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    row_version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (park_id, number),
    CHECK (start_date < end_date)
) STRICT;

CREATE INDEX ix_leases_tenant ON leases (tenant_id);
CREATE INDEX ix_leases_park_status ON leases (park_id, status, stage);

CREATE TABLE lease_versions (
    id                  INTEGER PRIMARY KEY,
    lease_id            INTEGER NOT NULL REFERENCES leases (id),
    version_no          INTEGER NOT NULL CHECK (version_no >= 1),
    kind                TEXT    NOT NULL CHECK (kind IN ('original', 'amendment')),
    status              TEXT    NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'approved', 'signed', 'cancelled')),
    effective_from      TEXT    NOT NULL,
    start_date          TEXT    NOT NULL,
    end_date            TEXT    NOT NULL,
    monthly_price_fen   INTEGER NOT NULL CHECK (monthly_price_fen >= 0),
    payment_cycle       TEXT    NOT NULL DEFAULT 'monthly'
                        CHECK (payment_cycle IN ('monthly', 'quarterly', 'half_yearly', 'yearly')),
    deposit_months      INTEGER NOT NULL DEFAULT 1 CHECK (deposit_months BETWEEN 0 AND 12),
    escalation_kind     TEXT    NOT NULL DEFAULT 'none' CHECK (escalation_kind IN ('none', 'percent', 'fixed')),
    -- percent: basis points per anniversary (300 = 3%); fixed: fen per seat per month per anniversary.
    escalation_value    INTEGER NOT NULL DEFAULT 0 CHECK (escalation_value >= 0),
    special_terms       TEXT    NOT NULL DEFAULT '',
    reason              TEXT    NOT NULL DEFAULT '',
    created_by          INTEGER NULL REFERENCES users (id),
    created_at          TEXT    NOT NULL,
    approved_by         INTEGER NULL REFERENCES users (id),
    approved_at         TEXT    NULL,
    signed_by           INTEGER NULL REFERENCES users (id),
    signed_at           TEXT    NULL,
    row_version         INTEGER NOT NULL DEFAULT 1,
    UNIQUE (lease_id, version_no),
    CHECK (start_date < end_date)
) STRICT;

-- The seats a version covers.
CREATE TABLE lease_version_seats (
    lease_version_id  INTEGER NOT NULL REFERENCES lease_versions (id),
    seat_id           INTEGER NOT NULL REFERENCES seats (id),
    PRIMARY KEY (lease_version_id, seat_id)
) STRICT;

-- Rent-free (免租期) and half-rent periods of a version; discount in basis points (10000 = free).
CREATE TABLE lease_concessions (
    id                INTEGER PRIMARY KEY,
    lease_version_id  INTEGER NOT NULL REFERENCES lease_versions (id),
    start_date        TEXT    NOT NULL,
    end_date          TEXT    NOT NULL,
    discount_bp       INTEGER NOT NULL DEFAULT 10000 CHECK (discount_bp BETWEEN 1 AND 10000),
    CHECK (start_date < end_date)
) STRICT;

-- Ramp-up: the number of seats billed steps up on given dates as the tenant hires.
CREATE TABLE lease_ramp_steps (
    id                INTEGER PRIMARY KEY,
    lease_version_id  INTEGER NOT NULL REFERENCES lease_versions (id),
    from_date         TEXT    NOT NULL,
    seat_count        INTEGER NOT NULL CHECK (seat_count > 0),
    UNIQUE (lease_version_id, from_date)
) STRICT;

CREATE TABLE seat_holds (
    id                INTEGER PRIMARY KEY,
    seat_id           INTEGER NOT NULL REFERENCES seats (id),
    park_id           INTEGER NOT NULL REFERENCES parks (id),
    tenant_id         INTEGER NOT NULL REFERENCES tenants (id),
    lease_id          INTEGER NOT NULL REFERENCES leases (id),
    lease_version_id  INTEGER NOT NULL REFERENCES lease_versions (id),
    kind              TEXT    NOT NULL CHECK (kind IN ('reserved', 'held')),
    start_date        TEXT    NOT NULL,
    end_date          TEXT    NOT NULL,
    CHECK (start_date < end_date)
) STRICT;

CREATE INDEX ix_seat_holds_seat ON seat_holds (seat_id, start_date, end_date);
CREATE INDEX ix_seat_holds_park ON seat_holds (park_id, start_date, end_date);
CREATE INDEX ix_seat_holds_lease ON seat_holds (lease_id);

CREATE TRIGGER seat_holds_no_double_lease_insert BEFORE INSERT ON seat_holds
WHEN NEW.kind = 'held'
BEGIN
    SELECT RAISE(ABORT, 'seat_double_leased')
    WHERE EXISTS (
        SELECT 1 FROM seat_holds h
        WHERE h.seat_id = NEW.seat_id AND h.kind = 'held' AND h.lease_id <> NEW.lease_id
          AND h.start_date < NEW.end_date AND NEW.start_date < h.end_date);
END;

CREATE TRIGGER seat_holds_no_double_lease_update BEFORE UPDATE ON seat_holds
WHEN NEW.kind = 'held'
BEGIN
    SELECT RAISE(ABORT, 'seat_double_leased')
    WHERE EXISTS (
        SELECT 1 FROM seat_holds h
        WHERE h.id <> OLD.id AND h.seat_id = NEW.seat_id AND h.kind = 'held' AND h.lease_id <> NEW.lease_id
          AND h.start_date < NEW.end_date AND NEW.start_date < h.end_date);
END;
