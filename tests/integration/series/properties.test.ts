// Properties of the series layer over random workspaces with measure breaks, bounds and releases:
// no derived number mixes measures or releases, and a vintage gives exactly what was known then.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualSeries, growthOf } from '../../../electron/backend/series/figures';
import { indicatorSeries, shareOfGdp } from '../../../electron/backend/series/shares';
import type { WorkbenchService } from '../../../electron/backend/service';
import { BOUNDS, type Bound } from '../../../shared/series/bound';
import { knownFrom } from '../../../shared/series/vintage';
import { tempService } from '../../helpers/temp';

let service: WorkbenchService;

beforeAll(() => {
  service = tempService().service;
  const db = service.db;
  db.prepare("INSERT INTO regions (code, name_zh, name_en) VALUES ('R', '随机', 'random')").run();
  db.prepare("INSERT INTO indicators (code, name_zh, unit, measure) VALUES ('lvl', '水平', '亿元', 'cq-earlier')").run();
  db.prepare("INSERT INTO indicators (code, name_zh, unit, measure, gdp_share) VALUES ('shr', '占比', '%', 'cq-earlier', 1)").run();
  db.prepare("INSERT INTO indicators (code, name_zh, unit, measure, gdp_share) VALUES ('shr2', '另一占比', '%', 'caict-broad', 1)").run();
});

afterAll(() => service.close());

const MEASURES = ['cq-earlier', 'caict-broad'] as const;
const date = fc.integer({ min: 2016, max: 2026 }).chain((y) => fc.tuple(fc.constant(y), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })));
const iso = ([y, m, d]: [number, number, number]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const release = fc.record({ value: fc.integer({ min: 1, max: 50_000 }), bound: fc.constantFrom(...BOUNDS), released: fc.option(date.map(iso), { nil: '' }) });
const point = fc.record({
  year: fc.integer({ min: 2015, max: 2024 }),
  measure: fc.constantFrom(...MEASURES),
  releases: fc.array(release, { minLength: 1, maxLength: 3 }),
});
const series = fc.uniqueArray(point, { selector: (p) => p.year, minLength: 1, maxLength: 8 });

type Point = { year: number; measure: string; releases: Array<{ value: number; bound: Bound; released: string }> };

/** Writes a series as the workspace holds it: the latest release in the row, the others as earlier releases. */
function write(indicator: string, points: Point[]): void {
  const db = service.db;
  db.prepare("DELETE FROM observation_releases WHERE observation_id IN (SELECT id FROM observations WHERE region = 'R')").run();
  db.prepare("DELETE FROM observations WHERE indicator = ? AND region = 'R'").run(indicator);
  for (const p of points) {
    const ordered = [...p.releases].sort((a, b) => knownFrom(a.released, p.year).localeCompare(knownFrom(b.released, p.year)));
    const latest = ordered.at(-1)!;
    const id = db
      .prepare("INSERT INTO observations (indicator, region, period, year, value, status, measure, bound, released) VALUES (?, 'R', ?, ?, ?, 'actual', ?, ?, ?)")
      .run(indicator, String(p.year), p.year, latest.value, p.measure, latest.bound, latest.released).lastInsertRowid;
    for (const r of ordered.slice(0, -1)) {
      db.prepare('INSERT INTO observation_releases (observation_id, value, bound, released) VALUES (?, ?, ?, ?)').run(id, r.value, r.bound, r.released);
    }
  }
}

/** What was known of a point on a date: its latest release made by then. */
function expected(p: Point, asOf: string | null) {
  const known = p.releases.filter((r) => !asOf || knownFrom(r.released, p.year) <= asOf).sort((a, b) => knownFrom(a.released, p.year).localeCompare(knownFrom(b.released, p.year)));
  return known.at(-1) ?? null;
}

describe('series layer properties', () => {
  it('a vintage gives exactly the latest release known on its date, and the default the latest of all', () => {
    fc.assert(
      fc.property(series, fc.option(date.map(iso), { nil: null }), (points, asOf) => {
        write('lvl', points);
        const got = annualSeries(service.db, 'lvl', 'R', { asOf });
        const want = points
          .map((p) => ({ p, r: expected(p, asOf) }))
          .filter((x) => x.r !== null)
          .sort((a, b) => a.p.year - b.p.year)
          .map(({ p, r }) => [p.year, r!.value, r!.bound, p.measure]);
        expect(got.map((f) => [f.year, f.value, f.bound, f.measure])).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });

  it('a growth never spans two measures or a bound, and is the ratio of two figures of one read otherwise', () => {
    fc.assert(
      fc.property(series, fc.option(date.map(iso), { nil: null }), (points, asOf) => {
        write('lvl', points);
        const figures = annualSeries(service.db, 'lvl', 'R', { asOf });
        for (const f of figures) {
          const g = growthOf(figures, f.year);
          const before = figures.find((x) => x.year === f.year - 1);
          if (g.value === null) continue;
          expect(before).toBeDefined();
          expect(before!.measure).toBe(f.measure);
          expect(g.measure).toBe(f.measure);
          expect(['lower', 'upper']).not.toContain(f.bound);
          expect(['lower', 'upper']).not.toContain(before!.bound);
          expect(g.value).toBeCloseTo(100 * (f.value! / before!.value! - 1), 1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a share's change is the difference in percentage points of two figures of one measure and one read", () => {
    fc.assert(
      fc.property(series, fc.option(date.map(iso), { nil: null }), (points, asOf) => {
        write('shr', points);
        const figures = annualSeries(service.db, 'shr', 'R', { asOf });
        for (const f of figures) {
          const g = growthOf(figures, f.year);
          if (g.value === null) continue;
          const before = figures.find((x) => x.year === f.year - 1)!;
          expect(before.measure).toBe(f.measure);
          expect(g.unit).toBe('pp');
          expect(g.value).toBeCloseTo(f.value! - before.value!, 6);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a share indicator's figures are its own, else another share indicator's on the same measure, never another measure's", () => {
    fc.assert(
      fc.property(series, series, fc.constantFrom(null, ...MEASURES), (own, other, measure) => {
        write('shr', own);
        write('shr2', other);
        const wanted = measure ?? 'cq-earlier';
        const mine = annualSeries(service.db, 'shr', 'R', { measure });
        const theirs = annualSeries(service.db, 'shr2', 'R', { measure: wanted });
        const got = indicatorSeries(service.db, 'shr', 'R', { measure });
        const years = [...new Set([...mine, ...theirs].map((f) => f.year))].sort((a, b) => a - b);
        expect(got.map((f) => [f.year, f.indicator, f.value, f.measure])).toEqual(
          years.map((year) => {
            const f = mine.find((x) => x.year === year) ?? theirs.find((x) => x.year === year)!;
            return [year, f.indicator, f.value, f.measure];
          }),
        );
        for (const f of got) if (f.indicator === 'shr2' || measure) expect(f.measure).toBe(wanted);
      }),
      { numRuns: 100 },
    );
  });

  it('a share of GDP is the published one of the same measure, or computed within the vintage keeping the bound', () => {
    fc.assert(
      fc.property(series, series, (levels, shares) => {
        write('lvl', levels);
        write('shr', shares);
        write('shr2', []);
        for (const level of annualSeries(service.db, 'lvl', 'R')) {
          const share = shareOfGdp(service.db, level);
          const published = annualSeries(service.db, 'shr', 'R', { measure: level.measure }).find((f) => f.year === level.year);
          if (published) {
            expect(share).toMatchObject({ value: published.value, bound: published.bound, measure: level.measure, basis: 'published' });
          } else {
            // No GDP for region R: never the other measure's published share instead.
            expect(share).toMatchObject({ value: null, reason: 'no-gdp', measure: level.measure });
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
