-- The park operator's English name (Party A on English contracts); empty means "use the Chinese
-- operator_name", so existing parks print as before until an administrator fills it in.

ALTER TABLE parks ADD COLUMN operator_name_en TEXT NOT NULL DEFAULT '' CHECK (length(operator_name_en) <= 200);
