// The writer's side of the dictionary-coded batches: resolves each new indicator and region label to a
// workspace code once, and keeps the dictionary of period/unit/status/source/note strings.

import type { Catalogue } from './catalogue';
import type { ProblemList } from './problems';
import type { ParsedBatch } from './row-mapper';

export class CodeTables {
  readonly indicatorCode: string[] = [];
  readonly indicatorName: string[] = [];
  /** Unit the workspace already records for the indicator ('' when none or new). */
  private readonly indicatorUnit: string[] = [];
  readonly regionCode: string[] = [];
  /** A small integer per distinct code: labels spelt differently (重庆, 重庆市) share one. */
  readonly indicatorKey: number[] = [];
  readonly regionKey: number[] = [];
  private readonly keyOf = new Map<string, number>();
  readonly regionName: string[] = [];
  readonly strings: string[] = [];
  /** Year of a string that is a canonical period. */
  readonly year: number[] = [];
  readonly newIndicatorNames: string[] = [];
  /** The code and name of the parent each indicator will have ('' for none), by dictionary id. */
  readonly indicatorParent: string[] = [];
  readonly indicatorParentName: string[] = [];
  /** Sub-items and the parent the import records for them, by name (in the order met). */
  readonly newParentNames: Array<{ name: string; parent: string }> = [];
  readonly newRegionNames: string[] = [];
  private readonly unitChecked = new Set<string>();

  constructor(private readonly catalogue: Catalogue) {}

  private key(code: string): number {
    let k = this.keyOf.get(code);
    if (k === undefined) {
      k = this.keyOf.size;
      this.keyOf.set(code, k);
    }
    return k;
  }

  /** Indicator `id`'s parent: the workspace's, else that of the row it is indented under (dictionary id `parent`, -1: none). */
  private placeUnderParent(id: number, parent: number): void {
    const code = this.indicatorCode[id]!;
    const fromFile = parent >= 0 ? this.indicatorCode[parent]! : null;
    const held = this.catalogue.parentOf(code, fromFile);
    this.indicatorParent.push(held?.code ?? '');
    this.indicatorParentName.push(held?.name ?? '');
    if (held?.isNew) this.newParentNames.push({ name: this.indicatorName[id]!, parent: held.name });
  }

  /** Take a batch's new dictionary entries; warns once per indicator whose unit differs from the workspace's. */
  async absorb(batch: ParsedBatch, problems: ProblemList): Promise<void> {
    if (batch.indicatorLabels.length) await this.catalogue.prepare(batch.indicatorLabels);
    for (const s of batch.strings) {
      this.strings.push(s);
      this.year.push(/^\d{4}/.test(s) ? Number(s.slice(0, 4)) : 0);
    }
    const firstUnit = new Map<number, string>();
    if (batch.indicatorLabels.length) {
      const base = this.indicatorCode.length;
      for (let i = 0; i < batch.count; i++) {
        const id = batch.indicator[i]!;
        if (id >= base && !firstUnit.has(id)) firstUnit.set(id, this.strings[batch.unit[i]!] ?? '');
      }
    }
    for (const entry of batch.indicatorLabels) {
      const id = this.indicatorCode.length;
      const r = this.catalogue.indicator(entry, firstUnit.get(id) ?? '');
      this.indicatorCode.push(r.code);
      this.indicatorKey.push(this.key(`i\u0001${r.code}`));
      this.indicatorName.push(r.name);
      this.indicatorUnit.push(r.isNew ? '' : r.unit);
      if (r.isNew) this.newIndicatorNames.push(r.name);
      this.placeUnderParent(id, entry.parent);
    }
    for (const label of batch.regionLabels) {
      const r = this.catalogue.region(label);
      this.regionCode.push(r.code);
      this.regionKey.push(this.key(`r\u0001${r.code}`));
      this.regionName.push(r.name);
      if (r.isNew) this.newRegionNames.push(r.name);
    }
    for (let i = 0; i < batch.count; i++) {
      const expected = this.indicatorUnit[batch.indicator[i]!];
      if (!expected) continue;
      const unit = this.strings[batch.unit[i]!] ?? '';
      if (unit === '' || unit === expected) continue;
      const key = `${batch.indicator[i]}\u0001${unit}`;
      if (this.unitChecked.has(key)) continue;
      this.unitChecked.add(key);
      problems.add('unit.indicator-mismatch', { indicator: this.indicatorName[batch.indicator[i]!] ?? '', unit, expected }, batch.row[i]!, batch.column[i]!);
    }
  }
}
