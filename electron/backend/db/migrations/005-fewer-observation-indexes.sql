-- Written for the import (electron/backend/import/commit.ts).

-- Every index on observations is work for every imported row. These two cost 0.4 s of a 1M-row import
-- (the region index 0.3 s even when built after the load, 0.5 s kept up; the import index 0.1 s) and
-- serve lookups that do without them:
-- - by region alone (the regions list's counts, the grid's region value list, the charts' region
--   picker): the unique key (indicator, region, period, status) by skip-scan, one seek per indicator,
--   about 1.5 ms on 1M rows. Skip-scan needs the key's statistics, which every import refreshes in
--   its transaction; they are gathered here for existing workspaces.
-- - by import (undo, the grid's import filter and value list): one scan of the table, about 50 ms on
--   1M rows, for actions far rarer than imports.
DROP INDEX observations_region;
DROP INDEX observations_import;
ANALYZE observations;
