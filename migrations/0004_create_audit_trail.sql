-- Append-only audit trail: who did what, to what, when, with what outcome.

CREATE TABLE audit_events (
    id            INTEGER PRIMARY KEY,
    occurred_at   TEXT    NOT NULL,
    actor_user_id INTEGER NULL,
    actor_email   TEXT    NOT NULL DEFAULT '',
    actor_role    TEXT    NOT NULL DEFAULT '',
    park_id       INTEGER NULL,
    tenant_id     INTEGER NULL,
    action        TEXT    NOT NULL,
    target_type   TEXT    NOT NULL DEFAULT '',
    target_id     TEXT    NOT NULL DEFAULT '',
    outcome       TEXT    NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    reason        TEXT    NOT NULL DEFAULT '',
    details       TEXT    NOT NULL DEFAULT '',
    remote_ip     TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX ix_audit_time ON audit_events (occurred_at DESC);
CREATE INDEX ix_audit_park ON audit_events (park_id, occurred_at DESC);
CREATE INDEX ix_audit_action ON audit_events (action, occurred_at DESC);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
