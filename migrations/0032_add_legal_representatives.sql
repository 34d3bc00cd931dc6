-- Contract parties: the legal representative (法定代表人) of a tenant and of a park's operator,
-- printed in the parties block of lease contracts. The tenant's address is its invoice_address,
-- the operator's the park's address.

ALTER TABLE tenants ADD COLUMN legal_representative TEXT NOT NULL DEFAULT '' CHECK (length(legal_representative) <= 60);
ALTER TABLE parks ADD COLUMN legal_representative TEXT NOT NULL DEFAULT '' CHECK (length(legal_representative) <= 60);
