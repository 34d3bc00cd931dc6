-- Tenants: what a VAT fapiao needs (invoicing details) and the people to talk to.
-- Leases: amendment kinds, notice and termination dates, settlements of early terminations, and
-- the requests tenants raise (more seats, release seats, renewal) that the park decides.

ALTER TABLE tenants ADD COLUMN invoice_name    TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN invoice_uscc    TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN invoice_address TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN invoice_phone   TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN invoice_bank    TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN invoice_account TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN updated_at      TEXT NULL;

CREATE INDEX ix_tenants_park_name ON tenants (park_id, name_zh);
CREATE INDEX ix_tenants_park_status ON tenants (park_id, status);

CREATE TABLE tenant_contacts (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id),
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    title       TEXT    NOT NULL DEFAULT '',
    phone       TEXT    NOT NULL DEFAULT '',
    email       TEXT    NOT NULL DEFAULT '',
    is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1))
) STRICT;

CREATE INDEX ix_tenant_contacts_tenant ON tenant_contacts (tenant_id);

ALTER TABLE lease_versions ADD COLUMN amendment_kind TEXT NOT NULL DEFAULT ''
    CHECK (amendment_kind IN ('', 'add_seats', 'release_seats', 'change_price', 'extend'));

ALTER TABLE leases ADD COLUMN notice_served_on TEXT NULL;
ALTER TABLE leases ADD COLUMN terminated_on    TEXT NULL;

CREATE INDEX ix_leases_park_number ON leases (park_id, number);
CREATE INDEX ix_leases_park_end ON leases (park_id, end_date);
CREATE INDEX ix_leases_predecessor ON leases (predecessor_id);
CREATE INDEX ix_lease_versions_lease ON lease_versions (lease_id, version_no);
CREATE INDEX ix_lease_version_seats_seat ON lease_version_seats (seat_id);

-- Early termination: what is still owed and what goes back, computed once for billing to use.
CREATE TABLE lease_settlements (
    id                  INTEGER PRIMARY KEY,
    lease_id            INTEGER NOT NULL UNIQUE REFERENCES leases (id),
    notice_date         TEXT    NOT NULL,
    termination_date    TEXT    NOT NULL,
    billed_through      TEXT    NOT NULL,
    unbilled_days       INTEGER NOT NULL CHECK (unbilled_days >= 0),
    unbilled_fen        INTEGER NOT NULL CHECK (unbilled_fen >= 0),
    prepaid_days        INTEGER NOT NULL CHECK (prepaid_days >= 0),
    prepaid_credit_fen  INTEGER NOT NULL CHECK (prepaid_credit_fen >= 0),
    penalty_fen         INTEGER NOT NULL CHECK (penalty_fen >= 0),
    deposit_fen         INTEGER NOT NULL CHECK (deposit_fen >= 0),
    deposit_offset_fen  INTEGER NOT NULL CHECK (deposit_offset_fen >= 0),
    refund_fen          INTEGER NOT NULL CHECK (refund_fen >= 0),
    owed_fen            INTEGER NOT NULL CHECK (owed_fen >= 0),
    reason              TEXT    NOT NULL DEFAULT '',
    created_by          INTEGER NULL REFERENCES users (id),
    created_at          TEXT    NOT NULL,
    billed              INTEGER NOT NULL DEFAULT 0 CHECK (billed IN (0, 1))
) STRICT;

-- A tenant's request; accepted requests become amendment drafts (amendment_version_id).
CREATE TABLE lease_requests (
    id                    INTEGER PRIMARY KEY,
    park_id               INTEGER NOT NULL REFERENCES parks (id),
    tenant_id             INTEGER NOT NULL REFERENCES tenants (id),
    lease_id              INTEGER NOT NULL REFERENCES leases (id),
    kind                  TEXT    NOT NULL CHECK (kind IN ('add_seats', 'release_seats', 'renewal')),
    seat_count            INTEGER NOT NULL DEFAULT 0 CHECK (seat_count >= 0 AND seat_count <= 5000),
    seat_codes            TEXT    NOT NULL DEFAULT '',
    effective_date        TEXT    NOT NULL,
    reason                TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    status                TEXT    NOT NULL DEFAULT 'pending'
                          CHECK (status IN ('pending', 'accepted', 'rejected', 'withdrawn')),
    decision_note         TEXT    NOT NULL DEFAULT '',
    decided_by            INTEGER NULL REFERENCES users (id),
    decided_at            TEXT    NULL,
    amendment_version_id  INTEGER NULL REFERENCES lease_versions (id),
    successor_lease_id    INTEGER NULL REFERENCES leases (id),
    created_by            INTEGER NULL REFERENCES users (id),
    created_at            TEXT    NOT NULL,
    row_version           INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX ix_lease_requests_park_status ON lease_requests (park_id, status);
CREATE INDEX ix_lease_requests_tenant ON lease_requests (tenant_id);
CREATE INDEX ix_lease_requests_lease ON lease_requests (lease_id);
