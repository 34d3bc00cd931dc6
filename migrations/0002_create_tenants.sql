-- Tenants (入驻企业). A tenant is registered in one park; an operator present in several
-- parks is registered once per park.

CREATE TABLE tenants (
    id             INTEGER PRIMARY KEY,
    park_id        INTEGER NOT NULL REFERENCES parks (id),
    uscc           TEXT    NOT NULL CHECK (length(uscc) = 18),
    name_zh        TEXT    NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
    name_en        TEXT    NOT NULL DEFAULT '',
    business_type  TEXT    NOT NULL DEFAULT 'outsourcing'
                   CHECK (business_type IN ('outsourcing', 'in_house', 'gov_hotline')),
    status         TEXT    NOT NULL DEFAULT 'active'
                   CHECK (status IN ('prospect', 'admitted', 'active', 'exited')),
    created_at     TEXT    NOT NULL,
    row_version    INTEGER NOT NULL DEFAULT 1,
    UNIQUE (park_id, uscc)
) STRICT;

CREATE INDEX ix_tenants_park ON tenants (park_id);
