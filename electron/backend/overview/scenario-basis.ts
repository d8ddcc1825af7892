// What the compared scenario's verdicts rest on (shared/overview/scenario-basis.ts), read from the
// workspace: its bases as the series layer records them (45.4% × GDP is derived, GDP published), the
// growth and distributions its definition assumes, and its projection beside the figures published
// after its base year (重庆's GDP for 2023 and 2024 against the 5% a year the broad baseline assumes).
import { backtest, basesOf, project, type ResolvedScenario, type Scenario } from '../../../shared/engine';
import { translate } from '../../../shared/i18n';
import type { ScenarioBasis } from '../../../shared/overview/scenario-basis';
import { allIndicators } from '../db/access';
import type { Db } from '../db/workspace';
import { backtestActuals, resolveScenario, scenarioBases, scenarioDefinition } from '../scenarios/store';
import { annualSeries, listMeasures } from '../series/figures';

type Named = { nameZh: string; nameEn: string };

/** A message in both languages, for a name the data carries to either. */
const bothNames = (key: string): Named => ({ nameZh: translate('zh', key), nameEn: translate('en', key) });

/** The series a scenario is set against: those it names for its backtest, else the series its GDP base was read from. */
function checkedSources(definition: Scenario): NonNullable<Scenario['backtest']>['sources'] | null {
  if (definition.backtest) return definition.backtest.sources;
  const gdp = definition.gdp.baseSource;
  return gdp ? [{ metric: 'gdp', indicator: gdp.indicator, region: gdp.region }] : null;
}

function averageGrowth(values: readonly number[]): number | null {
  const first = values[0]!;
  const last = values.at(-1)!;
  return first > 0 && last > 0 && values.length > 1 ? 100 * ((last / first) ** (1 / (values.length - 1)) - 1) : null;
}

function basis(db: Db, scenario: { id: number; name: string }, definition: Scenario, resolved: ResolvedScenario, vintage: string | null): ScenarioBasis {
  const indicators = new Map(allIndicators(db).map((i): [string, Named] => [i.code, { nameZh: i.name_zh, nameEn: i.name_en }]));
  const gdpName = indicators.get(resolved.gdp.baseSource?.indicator ?? 'gdp') ?? bothNames('overview.basis.gdp');
  const totalName: Named =
    resolved.components.length === 1 ? { nameZh: resolved.components[0]!.name, nameEn: resolved.components[0]!.nameEn ?? '' } : bothNames('overview.basis.total');
  const projection = project(resolved);
  const figures = scenarioBases(db, resolved, vintage);
  const held = basesOf(resolved, figures);

  const bases = (['total', 'gdp'] as const).map((quantity): ScenarioBasis['bases'][number] => {
    const figure = held[quantity];
    const value = quantity === 'gdp' ? resolved.gdp.base : projection.total.values[0]!;
    const names = quantity === 'gdp' ? gdpName : totalName;
    if (!figure) return { quantity, ...names, value, bound: 'exact', status: 'scenario', source: '', released: '', releaseLabel: '' };
    const release = annualSeries(db, figure.indicator, figure.region, { asOf: vintage, statuses: [figure.status] }).find((f) => f.year === figure.year);
    return { quantity, ...names, value, bound: figure.bound, status: figure.status, source: figure.source, released: release?.released ?? '', releaseLabel: release?.releaseLabel ?? '' };
  });

  const growth = [
    { ...gdpName, kind: resolved.gdp.growth.kind, values: projection.gdp.values },
    ...resolved.components.map((c, i) => ({ nameZh: c.name, nameEn: c.nameEn ?? '', kind: c.growth.kind, values: projection.components[i]!.values })),
  ].flatMap(({ values, ...g }) => {
    const average = averageGrowth(values);
    return average === null ? [] : [{ ...g, average }];
  });

  const component = (id: string) => resolved.components.find((c) => c.id === id);
  const driverName = (id: string): Named =>
    id === 'gdp' ? gdpName : id === 'uplift' ? bothNames('overview.basis.uplift') : { nameZh: component(id)?.name ?? id, nameEn: component(id)?.nameEn ?? '' };
  const distributions = Object.entries(resolved.uncertainty?.drivers ?? {}).map(([id, d]): ScenarioBasis['distributions'][number] => ({
    ...driverName(id),
    unit: projection.drivers.find((x) => x.id === id)?.unit ?? '%',
    kind: d.kind,
    mean: 'mean' in d ? d.mean : null,
    sd: 'sd' in d ? d.sd : null,
    min: 'min' in d ? d.min : null,
    mode: 'mode' in d ? d.mode : null,
    max: 'max' in d ? d.max : null,
  }));

  const sources = checkedSources(definition);
  const checks = sources
    ? backtest(resolved, backtestActuals(db, { ...definition, backtest: { sources } }, vintage), figures).series.map((s) => ({
        ...(s.indicator ? (indicators.get(s.indicator) ?? bothNames(`overview.basis.${s.metric === 'gdp' ? 'gdp' : 'total'}`)) : bothNames(`overview.basis.${s.metric === 'gdp' ? 'gdp' : 'total'}`)),
        unit: s.unit,
        points: s.points
          .filter((p) => p.year > resolved.baseYear && p.projected !== null && (p.status === 'scored' || p.status === 'within-bound'))
          .map((p) => ({ year: p.year, projected: p.projected!, actual: p.actual, bound: p.bound })),
      }))
    : null;

  const measure = listMeasures(db).find((m) => m.code === resolved.measure);
  const gdpBase = bases[1]!.value;
  return {
    scenario,
    baseYear: resolved.baseYear,
    horizon: resolved.horizon,
    measure: measure ? { code: measure.code, nameZh: measure.nameZh, nameEn: measure.nameEn } : null,
    bases,
    baseShare: gdpBase > 0 ? (100 * bases[0]!.value) / gdpBase : null,
    growth,
    distributions,
    checks,
  };
}

/**
 * The compared scenario's basis as known on `vintage` (null: the latest releases); null when the
 * scenario no longer resolves or runs, as it then projects nothing either.
 */
export function scenarioBasis(db: Db, scenario: { id: number; name: string }, vintage: string | null): ScenarioBasis | null {
  const definition = scenarioDefinition(db, scenario.id);
  try {
    return basis(db, scenario, definition, resolveScenario(db, definition), vintage);
  } catch {
    return null;
  }
}
