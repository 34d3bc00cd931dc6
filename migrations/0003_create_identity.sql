-- ASP.NET Core Identity over Dapper, plus the scope a user is bound to.

CREATE TABLE users (
    id                     INTEGER PRIMARY KEY,
    user_name              TEXT    NOT NULL,
    normalized_user_name   TEXT    NOT NULL UNIQUE,
    email                  TEXT    NOT NULL,
    normalized_email       TEXT    NOT NULL UNIQUE,
    email_confirmed        INTEGER NOT NULL DEFAULT 0 CHECK (email_confirmed IN (0, 1)),
    display_name           TEXT    NOT NULL DEFAULT '',
    password_hash          TEXT    NULL,
    security_stamp         TEXT    NOT NULL,
    concurrency_stamp      TEXT    NOT NULL,
    lockout_enabled        INTEGER NOT NULL DEFAULT 1 CHECK (lockout_enabled IN (0, 1)),
    lockout_end            TEXT    NULL,
    access_failed_count    INTEGER NOT NULL DEFAULT 0 CHECK (access_failed_count >= 0),
    two_factor_enabled     INTEGER NOT NULL DEFAULT 0 CHECK (two_factor_enabled IN (0, 1)),
    culture                TEXT    NULL CHECK (culture IS NULL OR culture IN ('zh-CN', 'en-US')),
    tenant_id              INTEGER NULL REFERENCES tenants (id),
    is_active              INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at             TEXT    NOT NULL
) STRICT;

CREATE TABLE roles (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    normalized_name    TEXT NOT NULL UNIQUE,
    concurrency_stamp  TEXT NOT NULL
) STRICT;

CREATE TABLE user_roles (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id  INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
) STRICT;

-- Parks a ParkAdmin manages or a GovReviewer oversees.
CREATE TABLE user_parks (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    park_id  INTEGER NOT NULL REFERENCES parks (id),
    PRIMARY KEY (user_id, park_id)
) STRICT;

CREATE INDEX ix_user_parks_park ON user_parks (park_id);

CREATE TABLE user_tokens (
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    login_provider  TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    value           TEXT    NULL,
    PRIMARY KEY (user_id, login_provider, name)
) STRICT;

-- Personal access tokens for /api/v1. Only the SHA-256 of the token is stored.
CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash    TEXT    NOT NULL UNIQUE,
    prefix        TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    expires_at    TEXT    NOT NULL,
    revoked_at    TEXT    NULL,
    last_used_at  TEXT    NULL
) STRICT;

CREATE INDEX ix_api_tokens_user ON api_tokens (user_id);

INSERT INTO roles (name, normalized_name, concurrency_stamp) VALUES
    ('PlatformAdmin', 'PLATFORMADMIN', 'seed-1'),
    ('ParkAdmin',     'PARKADMIN',     'seed-2'),
    ('TenantUser',    'TENANTUSER',    'seed-3'),
    ('GovReviewer',   'GOVREVIEWER',   'seed-4');
