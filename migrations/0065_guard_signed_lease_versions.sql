-- Invariant 2: a signed lease version never changes; an amendment is a new version. The services never
-- update a signed version (stage, end reason, notice and termination dates live on `leases`), so the
-- database refuses any change to what was signed: its terms, its identity, its status and signature,
-- and its seats, rent-free periods and ramp-up steps. Inserts of child rows stay allowed: versions
-- are written draft-first by the services, but the national seed and test builders write signed
-- versions and then their rows.

CREATE TRIGGER lease_versions_signed_immutable BEFORE UPDATE ON lease_versions
WHEN OLD.status = 'signed' AND (
       NEW.lease_id IS NOT OLD.lease_id OR NEW.version_no IS NOT OLD.version_no OR NEW.kind IS NOT OLD.kind
    OR NEW.amendment_kind IS NOT OLD.amendment_kind OR NEW.status IS NOT OLD.status
    OR NEW.effective_from IS NOT OLD.effective_from OR NEW.start_date IS NOT OLD.start_date OR NEW.end_date IS NOT OLD.end_date
    OR NEW.monthly_price_fen IS NOT OLD.monthly_price_fen OR NEW.payment_cycle IS NOT OLD.payment_cycle
    OR NEW.deposit_months IS NOT OLD.deposit_months OR NEW.escalation_kind IS NOT OLD.escalation_kind
    OR NEW.escalation_value IS NOT OLD.escalation_value OR NEW.special_terms IS NOT OLD.special_terms
    OR NEW.signed_by IS NOT OLD.signed_by OR NEW.signed_at IS NOT OLD.signed_at)
BEGIN
    SELECT RAISE(ABORT, 'signed_lease_version_immutable');
END;

CREATE TRIGGER lease_versions_signed_no_delete BEFORE DELETE ON lease_versions
WHEN OLD.status = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed_lease_version_immutable');
END;

CREATE TRIGGER lease_version_seats_signed_no_update BEFORE UPDATE ON lease_version_seats
WHEN EXISTS (SELECT 1 FROM lease_versions v WHERE v.id IN (OLD.lease_version_id, NEW.lease_version_id) AND v.status = 'signed')
BEGIN
    SELECT RAISE(ABORT, 'signed_lease_version_immutable');
END;

CREATE TRIGGER lease_version_seats_signed_no_delete BEFORE DELETE ON lease_version_seats
WHEN EXISTS (SELECT 1 FROM lease_versions v WHERE v.id = OLD.lease_version_id AND v.status = 'signed')
BEGIN
    SELECT RAISE(ABORT, 'signed_lease_version_immutable');
END;

CREATE TRIGGER lease_concessions_signed_no_update BEFORE UPDATE ON lease_concessions
WHEN EXISTS (SELECT 1 FROM lease_versions v WHERE v.id IN (OLD.lease_version_id, NEW.lease_version_id) AND v.status = 'signed')
BEGIN
    SELECT RAISE(ABORT, 'signed_lease_version_immutable');
END;

CREATE TRIGGER lease_concessions_signed_no_delete BEFORE DELETE ON lease_concessions
WHEN EXISTS (SELECT 1 FROM lease_versions v WHERE v.id = OLD.lease_version_id AND v.status = 'signed')
BEGIN
    SELECT RAISE(ABORT, 'signed_lease_version_immutable');
END;

CREATE TRIGGER lease_ramp_steps_signed_no_update BEFORE UPDATE ON lease_ramp_steps
WHEN EXISTS (SELECT 1 FROM lease_versions v WHERE v.id IN (OLD.lease_version_id, NEW.lease_version_id) AND v.status = 'signed')
BEGIN
    SELECT RAISE(ABORT, 'signed_lease_version_immutable');
END;

CREATE TRIGGER lease_ramp_steps_signed_no_delete BEFORE DELETE ON lease_ramp_steps
WHEN EXISTS (SELECT 1 FROM lease_versions v WHERE v.id = OLD.lease_version_id AND v.status = 'signed')
BEGIN
    SELECT RAISE(ABORT, 'signed_lease_version_immutable');
END;
