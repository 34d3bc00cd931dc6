-- Clause templates (合同条款模板) per park and language. Saving creates a new version; a contract
-- records the version it used, so old versions are never changed or deleted.

CREATE TABLE contract_templates (
    id           INTEGER PRIMARY KEY,
    park_id      INTEGER NOT NULL REFERENCES parks (id),
    language     TEXT    NOT NULL CHECK (language IN ('zh-CN', 'en-US')),
    version      INTEGER NOT NULL CHECK (version >= 1),
    body         TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 100000),
    note         TEXT    NOT NULL DEFAULT '',
    created_by   INTEGER NULL REFERENCES users (id),
    created_at   TEXT    NOT NULL,
    UNIQUE (park_id, language, version)
) STRICT;

CREATE TRIGGER contract_templates_no_update BEFORE UPDATE ON contract_templates
BEGIN
    SELECT RAISE(ABORT, 'contract_template_versions_are_immutable');
END;
