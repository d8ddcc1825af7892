-- Written for the import (electron/backend/import) and the catalogue (electron/backend/data): the
-- hierarchy a statistical table shows by indenting a sub-item under the row above it (　　第一产业 under
-- 地区生产总值, 其中：…). An import records it; the catalogue shows it (上级指标).

-- 1. An indicator's parent, NULL for a top-level one (every indicator before this). Deleting the parent
--    leaves its sub-items at the top level.
ALTER TABLE indicators ADD COLUMN parent TEXT REFERENCES indicators(code) ON UPDATE CASCADE ON DELETE SET NULL;
-- 2. The import that recorded the parent, so that its undo takes the relation away again (NULL: none,
--    or set otherwise).
ALTER TABLE indicators ADD COLUMN parent_by_import INTEGER REFERENCES imports(id);
