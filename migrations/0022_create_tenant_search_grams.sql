-- Tenant search at national scale (issue #4 Scale, issue #7). The tenant list searches names and USCC by
-- substring (LIKE '%…%'), which reads every tenant: ≈ 1.4 ms for 5,000, too much for 50 concurrent clients.
-- A two-character gram index narrows a search to the tenants holding its grams (Chinese names search by two
-- characters, e.g. 恒信); the store still applies the same LIKE to them, so results are exactly as before.
-- Names up to 1,000 characters are covered (the rules allow 100 Chinese, 200 English). Grams are lower-cased as SQLite's lower() does (ASCII only), like LIKE's case folding. Triggers keep the
-- index exact for every writer (services, CSV import, seeds); they are its only writers.

CREATE TABLE search_numbers (n INTEGER PRIMARY KEY) STRICT;

WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 1000)
INSERT INTO search_numbers (n) SELECT n FROM k;

CREATE TABLE tenant_search_grams (
    gram       TEXT    NOT NULL,
    tenant_id  INTEGER NOT NULL,
    PRIMARY KEY (gram, tenant_id)
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO tenant_search_grams (gram, tenant_id)
SELECT substr(lower(f.v), n.n, 2), f.id
FROM (SELECT id, name_zh AS v FROM tenants UNION ALL SELECT id, name_en FROM tenants UNION ALL SELECT id, uscc FROM tenants) f
JOIN search_numbers n ON n.n < length(f.v);

CREATE TRIGGER tenant_search_insert AFTER INSERT ON tenants
BEGIN
    INSERT OR IGNORE INTO tenant_search_grams (gram, tenant_id)
    SELECT substr(lower(f.v), n.n, 2), NEW.id
    FROM (SELECT NEW.name_zh AS v UNION ALL SELECT NEW.name_en UNION ALL SELECT NEW.uscc) f
    JOIN search_numbers n ON n.n < length(f.v);
END;

CREATE TRIGGER tenant_search_update AFTER UPDATE OF name_zh, name_en, uscc ON tenants
BEGIN
    DELETE FROM tenant_search_grams WHERE tenant_id = OLD.id;
    INSERT OR IGNORE INTO tenant_search_grams (gram, tenant_id)
    SELECT substr(lower(f.v), n.n, 2), NEW.id
    FROM (SELECT NEW.name_zh AS v UNION ALL SELECT NEW.name_en UNION ALL SELECT NEW.uscc) f
    JOIN search_numbers n ON n.n < length(f.v);
END;

CREATE TRIGGER tenant_search_delete AFTER DELETE ON tenants
BEGIN
    DELETE FROM tenant_search_grams WHERE tenant_id = OLD.id;
END;
