-- National scale (issue #7). Availability asks "which seats of this park are held in [from, to)?" for periods
-- that lie ahead. Ordered by start date, that range reads every hold that started before `to`: the park's whole
-- history (≈ 22,000 holds for ≈ 8,600 that overlap a year ahead, ≈ 4 ms). Ordered by end date it reads only the
-- holds that end after `from`. The covering columns stay, so the index serves the same queries as 0090's did.
DROP INDEX ix_seat_holds_park_kind;
CREATE INDEX ix_seat_holds_park_kind_end ON seat_holds (park_id, kind, end_date, start_date, seat_id);
