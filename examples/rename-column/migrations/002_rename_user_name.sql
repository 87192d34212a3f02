-- The product now calls it the display name.
ALTER TABLE users RENAME COLUMN user_name TO display_name;
