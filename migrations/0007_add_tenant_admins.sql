-- A tenant's own administrator may invite colleagues of the same tenant.
ALTER TABLE users ADD COLUMN tenant_admin INTEGER NOT NULL DEFAULT 0 CHECK (tenant_admin IN (0, 1));
