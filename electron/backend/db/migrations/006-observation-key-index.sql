-- Written for the import (electron/backend/import/commit.ts).

-- The unique key of observations becomes a named index instead of a table constraint, so that a large
-- import into a small table can drop it in its transaction and build it once after the load: built
-- from sorted keys it costs 0.33 s for 1M rows, kept up row by row 0.8 s (rows land all over it). SQLite
-- cannot drop a constraint's index, hence the table is rebuilt, with the same columns and ids.
CREATE TABLE observations_rebuilt (
  id INTEGER PRIMARY KEY,
  indicator TEXT NOT NULL REFERENCES indicators(code) ON UPDATE CASCADE,
  region TEXT NOT NULL REFERENCES regions(code) ON UPDATE CASCADE,
  period TEXT NOT NULL,          -- '2022', '2020Q1', '2020H1', '2020M03'
  year INTEGER NOT NULL,
  value REAL,                    -- NULL when missing, never 0
  unit TEXT NOT NULL DEFAULT '',
  original TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('actual', 'estimate', 'target', 'illustrative', 'derived')),
  import_id INTEGER REFERENCES imports(id),
  source TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
INSERT INTO observations_rebuilt (id, indicator, region, period, year, value, unit, original, status, import_id, source, note)
  SELECT id, indicator, region, period, year, value, unit, original, status, import_id, source, note FROM observations;
DROP TABLE observations;
ALTER TABLE observations_rebuilt RENAME TO observations;
CREATE UNIQUE INDEX observations_key ON observations(indicator, region, period, status);
ANALYZE observations;
