-- Written for the import and the observations grid (electron/backend/import, electron/backend/data).

-- The grid pages through a sorted, filtered view by snapshotting the view's ordered ids once
-- (data/observations-query.ts): any page, however deep, is then a lookup of 100 ids. It no longer
-- needs an index per sortable column, and these three made a bulk import almost three times slower
-- (the bench's 1M-row CSV into a fresh workspace: 7.7 s with them, 2.7 s without, 2-core machine;
-- the (value, id) index, filled in random order, is most of it).
-- Lookups by indicator (the unique index), by region (observations_region) and by import stay.
DROP INDEX observations_year;
DROP INDEX observations_value;
DROP INDEX observations_status;

-- An import replaces a row in place, keeping its id; undo restores the replaced row under that id,
-- so that edits (edits.entity_id) and the grid's row ids stay valid across replace and undo.
ALTER TABLE import_replaced ADD COLUMN observation_id INTEGER;
