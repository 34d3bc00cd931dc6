-- Demo sign-ins created by `seed --scale demo` (Development only shows them on the sign-in page).
-- Also records which seed scales have run, so a seed never runs twice over itself.

CREATE TABLE seed_runs (
    scale       TEXT NOT NULL PRIMARY KEY,
    ran_at      TEXT NOT NULL
) STRICT;

CREATE TABLE demo_accounts (
    email       TEXT NOT NULL PRIMARY KEY,
    role        TEXT NOT NULL,
    password    TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    sort_order  INTEGER NOT NULL DEFAULT 0
) STRICT;
