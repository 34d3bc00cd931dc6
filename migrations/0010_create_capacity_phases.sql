-- Planned capacity of a park by phase: from effective_from on, the plan is planned_seats seats
-- (e.g. 4,000 seats one year after opening, 12,000 three years later).

CREATE TABLE capacity_phases (
    id              INTEGER PRIMARY KEY,
    park_id         INTEGER NOT NULL REFERENCES parks (id),
    name            TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    effective_from  TEXT    NOT NULL CHECK (length(effective_from) = 10),
    planned_seats   INTEGER NOT NULL CHECK (planned_seats BETWEEN 0 AND 1000000),
    created_at      TEXT    NOT NULL,
    UNIQUE (park_id, effective_from)
) STRICT;
