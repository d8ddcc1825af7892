// Indented sub-items are data, and their indentation is the catalogue's hierarchy: a row indented
// (spaces, ideographic spaces, 其中：) under the row above becomes a sub-item of that row's indicator;
// the preview says so, the catalogue lists it under its parent, and the import's undo takes the
// relation away with the indicators it created. Figures are illustrative (示例).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listIndicatorCatalogue } from '../../../electron/backend/data/indicator-catalogue';
import { commitImport } from '../../../electron/backend/import/commit';
import { undoImport } from '../../../electron/backend/import/history';
import { previewImport } from '../../../electron/backend/import/preview';
import { createTestWorkspace, type TestWorkspace } from './test-workspace';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

let n = 0;
function file(lines: string[]): string {
  const path = join(ws.dir, `h${++n}.csv`);
  writeFileSync(path, `${['地区：重庆市', '数据性质：示例数据', ...lines].join('\n')}\n`);
  return path;
}

/** Each indicator of the workspace as "name < parent name", in the catalogue's outline order, indented by depth. */
const outline = () => listIndicatorCatalogue(ws.db).filter((e) => e.nameZh.includes('示例')).map((e) => `${'  '.repeat(e.depth)}${e.nameZh}${e.parent ? ` < ${e.parentName}` : ''}`);
/** Each indicator of the workspace with its parent, as "name < parent name", sorted. */
const tree = () => outline().map((l) => l.trim()).sort();

const TABLE = ['指标,2022年,2023年', '示例总量,10,12', '  示例第一项,1,1.5', '　示例第二项,6,7', '    其中：示例第二项之一,2,2.5', '  示例第三项,3,3.5', '示例另一总量,5,6'];

describe('indented sub-items', () => {
  it('the preview names each sub-item with its parent; the commit records the hierarchy, nested', async () => {
    const path = file(TABLE);
    const p = await previewImport(ws.db, path);
    expect(p.errorCount).toBe(0);
    expect(p.newParents).toEqual([
      { name: '示例第一项', parent: '示例总量' },
      { name: '示例第二项', parent: '示例总量' },
      { name: '其中:示例第二项之一', parent: '示例第二项' },
      { name: '示例第三项', parent: '示例总量' },
    ]);
    expect([...new Set(p.sample.map((s) => `${s.indicatorName}|${s.parentName}`))]).toEqual([
      '示例总量|',
      '示例第一项|示例总量',
      '示例第二项|示例总量',
      '其中:示例第二项之一|示例第二项',
      '示例第三项|示例总量',
      '示例另一总量|',
    ]);
    // Nothing is written by a preview.
    expect(ws.db.prepare('SELECT count(*) FROM indicators WHERE parent IS NOT NULL').pluck().get()).toBe(0);

    const s = await commitImport(ws.db, path, { onConflict: 'fail' });
    expect(s).toMatchObject({ status: 'committed', rowsWritten: 12 });
    // Top-level indicators in the catalogue's order (by code), each followed by its sub-items in the file's order.
    expect(outline()).toEqual(['示例另一总量', '示例总量', '  示例第一项 < 示例总量', '  示例第二项 < 示例总量', '    其中:示例第二项之一 < 示例第二项', '  示例第三项 < 示例总量']);
    expect(ws.db.prepare('SELECT DISTINCT parent_by_import FROM indicators WHERE parent IS NOT NULL').pluck().all()).toEqual([s.importId]);
  });

  it('a row without figures is still a parent position: the rows under it get no parent, not the row above it', async () => {
    const path = file(['指标,2023年', '示例总量,10', '示例分组,—', '  示例组内项,4']);
    const s = await commitImport(ws.db, path, { onConflict: 'fail' });
    expect(s.status).toBe('committed');
    expect(tree()).toEqual(['示例总量', '示例组内项']);
  });

  it('a total row ends the groups above it', async () => {
    const path = file(['指标,2023年', '示例甲,1', '  示例甲一,0.4', '合计,1', '  示例乙一,0.2']);
    const s = await commitImport(ws.db, path, { onConflict: 'fail' });
    expect(s).toMatchObject({ status: 'committed', totalRows: 1 });
    expect(tree()).toEqual(['示例乙一', '示例甲', '示例甲一 < 示例甲']);
  });

  it('keeps a parent the workspace records, and never makes a loop', async () => {
    await commitImport(ws.db, file(['指标,2022年', '示例总量,10', '  示例第一项,1', '示例别处,3']), { onConflict: 'fail' });
    // The same sub-item under another row, and the parent under its own sub-item: neither is recorded.
    const path = file(['指标,2023年', '示例别处,4', '  示例第一项,1.5', '    示例总量,12']);
    const p = await previewImport(ws.db, path);
    expect(p.newParents).toEqual([]);
    expect([...new Set(p.sample.map((s) => `${s.indicatorName}|${s.parentName}`))]).toEqual(['示例别处|', '示例第一项|示例总量', '示例总量|']);
    const s = await commitImport(ws.db, path, { onConflict: 'fail' });
    expect(s.status).toBe('committed');
    expect(tree()).toEqual(['示例别处', '示例总量', '示例第一项 < 示例总量']);
  });

  it("undo takes away the relations its import recorded, with the indicators it created; another import's stay", async () => {
    await commitImport(ws.db, file(['指标,2022年', '示例总量,10', '示例旧项,2']), { onConflict: 'fail' });
    // The second import puts the existing 示例旧项 under 示例总量 and creates 示例新项 under it.
    const second = await commitImport(ws.db, file(['指标,2023年', '示例总量,12', '  示例旧项,3', '  示例新项,4']), { onConflict: 'fail' });
    expect(tree()).toEqual(['示例总量', '示例新项 < 示例总量', '示例旧项 < 示例总量']);
    const undo = undoImport(ws.db, second.importId!);
    expect(undo.removedIndicators.map((e) => e.nameZh)).toEqual(['示例新项']);
    expect(tree()).toEqual(['示例总量', '示例旧项']);
    expect(ws.db.prepare('SELECT count(*) FROM indicators WHERE parent_by_import IS NOT NULL').pluck().get()).toBe(0);
    expect(ws.db.pragma('foreign_key_check')).toEqual([]);
  });

  it("keeps an indicator the import created while another import's relation names it as parent", async () => {
    const created = await commitImport(ws.db, file(['指标,2024年', '示例新总量,20', '  示例旧项,5']), { onConflict: 'fail' });
    // Its figure is kept as it was; its new sub-item is recorded under it by this import.
    const later = await commitImport(ws.db, file(['指标,2024年', '示例新总量,20', '  示例另一项,1']), { onConflict: 'keep' });
    expect(later).toMatchObject({ status: 'committed', rowsKept: 1 });
    expect(tree()).toEqual(['示例另一项 < 示例新总量', '示例新总量', '示例旧项 < 示例新总量']);
    const undone = undoImport(ws.db, created.importId!);
    // 示例旧项 has no figure left either, but nothing else names it: it goes.
    expect(undone.removedIndicators.map((e) => e.nameZh)).toEqual(['示例旧项']);
    expect(tree()).toEqual(['示例另一项 < 示例新总量', '示例新总量']);
    expect(ws.db.pragma('foreign_key_check')).toEqual([]);
  });
});
