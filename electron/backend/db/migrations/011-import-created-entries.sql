-- Written for the import (electron/backend/import): what an import added, and what it left out.

-- 1. The import that added an indicator or a region to the catalogue, so that undoing it takes away
--    the entries it added that nothing uses any more (no observation, no replaced row kept for another
--    import's undo, no target, definition break, chart or scenario naming it). NULL: the seed's, and
--    entries added before this was recorded; their import's undo leaves them, as it did before.
ALTER TABLE indicators ADD COLUMN created_by_import INTEGER REFERENCES imports(id);
ALTER TABLE regions ADD COLUMN created_by_import INTEGER REFERENCES imports(id);

-- 2. Value cells an import found blank or holding a placeholder for "no data" (—, …, NA, 无). They
--    write no row (before, each was written as a row without a value). Imports made before count 0.
ALTER TABLE imports ADD COLUMN cells_blank INTEGER NOT NULL DEFAULT 0;
