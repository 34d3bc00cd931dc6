-- Generated contract documents (合同文本): one row per PDF issued for a lease version, language and
-- template version. The PDF lives outside the web root under file_name; sha256 lets anyone verify
-- a copy. Rows are never changed.

CREATE TABLE contract_versions (
    id                    INTEGER PRIMARY KEY,
    park_id               INTEGER NOT NULL REFERENCES parks (id),
    tenant_id             INTEGER NOT NULL REFERENCES tenants (id),
    lease_id              INTEGER NOT NULL REFERENCES leases (id),
    lease_version_id      INTEGER NOT NULL REFERENCES lease_versions (id),
    version_no            INTEGER NOT NULL,
    kind                  TEXT    NOT NULL CHECK (kind IN ('original', 'amendment')),
    contract_number       TEXT    NOT NULL,
    base_contract_number  TEXT    NULL,
    language              TEXT    NOT NULL CHECK (language IN ('zh-CN', 'en-US')),
    template_id           INTEGER NOT NULL REFERENCES contract_templates (id),
    template_version      INTEGER NOT NULL,
    file_name             TEXT    NOT NULL UNIQUE,
    sha256                TEXT    NOT NULL CHECK (length(sha256) = 64),
    size_bytes            INTEGER NOT NULL CHECK (size_bytes > 0),
    page_count            INTEGER NOT NULL CHECK (page_count > 0),
    lessor_name           TEXT    NOT NULL,
    tenant_name           TEXT    NOT NULL,
    generated_at          TEXT    NOT NULL,
    generated_by          INTEGER NULL REFERENCES users (id),
    UNIQUE (lease_version_id, language, template_id)
) STRICT;

CREATE INDEX ix_contract_versions_lease ON contract_versions (lease_id);
CREATE INDEX ix_contract_versions_sha ON contract_versions (sha256);

CREATE TRIGGER contract_versions_no_update BEFORE UPDATE ON contract_versions
BEGIN
    SELECT RAISE(ABORT, 'contract_versions_are_immutable');
END;
