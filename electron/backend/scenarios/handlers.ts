import type { DomainHandlers, ServiceContext } from '../context';
import { calibrateScenario } from './calibration';
import { scenarioEvidence } from './evidence';
import {
  backtestScenario,
  deleteScenario,
  duplicateScenario,
  goalSeekScenario,
  importanceScenario,
  latestActuals,
  listScenarios,
  restoreScenario,
  runScenario,
  saveScenario,
  scenarioDefinition,
  scenarioSummary,
  scenarioVersions,
  sensitivityScenario,
} from './store';

export function scenarioHandlers(ctx: ServiceContext): DomainHandlers<'scenarios'> {
  return {
    'scenarios.list': () => listScenarios(ctx.db),
    'scenarios.get': ({ id }) => ({ ...scenarioSummary(ctx.db, id), definition: scenarioDefinition(ctx.db, id), versions: scenarioVersions(ctx.db, id) }),
    'scenarios.save': (input) => saveScenario(ctx.db, input),
    'scenarios.duplicate': ({ id, name }) => duplicateScenario(ctx.db, id, name, ctx.language),
    'scenarios.restore': ({ id, version }) => restoreScenario(ctx.db, id, version),
    'scenarios.delete': ({ id }) => {
      deleteScenario(ctx.db, id);
      return { id };
    },
    'scenarios.run': ({ id, locale, monteCarlo }) => runScenario(ctx.db, id, locale ?? ctx.language, monteCarlo),
    'scenarios.goalSeek': ({ id, targets, driver }) => goalSeekScenario(ctx.db, id, targets, driver, ctx.language),
    'scenarios.sensitivity': ({ id, output, year }) => sensitivityScenario(ctx.db, id, output ?? 'total', year),
    'scenarios.importance': ({ id, ...input }) => importanceScenario(ctx.db, id, input),
    'scenarios.backtest': ({ id, asOf }) => backtestScenario(ctx.db, id, asOf),
    'scenarios.calibrate': ({ id, driver, asOf }) => calibrateScenario(ctx.db, id, { ...(driver === undefined ? {} : { driver }), asOf }),
    'scenarios.latestActuals': ({ refs }) => latestActuals(ctx.db, refs),
    'scenarios.evidence': (query) => scenarioEvidence(ctx.db, query),
  };
}
