-- The light/dark choice of the app shell, remembered per user like the language (users.culture).
ALTER TABLE users ADD COLUMN dark_mode INTEGER NOT NULL DEFAULT 0 CHECK (dark_mode IN (0, 1));
