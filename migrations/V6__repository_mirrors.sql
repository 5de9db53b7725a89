-- The header copies a repository keeps in sync (copy.out-of-sync), as registered: a JSON list of
-- {"original": ..., "copy": ...} (two files, or two folders ending in '/'). Null: the default pairing of
-- include/uapi/X with tools/include/uapi/X wherever both are watched; an empty list: no pairs.
ALTER TABLE repositories ADD COLUMN mirrors jsonb;
