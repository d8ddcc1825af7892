import { WorkbenchError } from '../../../shared/api/errors';
import type { DomainHandlers, ServiceContext } from '../context';
import { computeMonitor, monitorSettings, setMonitorSettings } from './monitor';
import { exportRegister, importRegister } from './register';
import { deleteActual, listPlans, listTargets, recordActual, retirePlan, retireTarget, savePlan, saveTarget, targetHistory } from './store';
import { deleteTask, listTaskAreas, listTasks, saveTask } from './tasks';
import { compareRegions } from './twin';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function targetHandlers(ctx: ServiceContext): DomainHandlers<'plans' | 'targets' | 'monitor' | 'tasks' | 'register' | 'regions'> {
  return {
    'plans.list': () => listPlans(ctx.db),
    'plans.save': ({ plan, create }) => savePlan(ctx.db, plan, create),
    'plans.retire': ({ code }) => {
      retirePlan(ctx.db, code);
      return { code };
    },
    'targets.list': ({ plan }) => listTargets(ctx.db, plan),
    'targets.monitor': ({ plan, asOfYear, vintage }) => computeMonitor(ctx.db, { plan, asOfYear, vintage, locale: ctx.language }),
    'targets.save': ({ target, create }) => saveTarget(ctx.db, target, create),
    'targets.retire': ({ code }) => {
      retireTarget(ctx.db, code);
      return { code };
    },
    'targets.history': ({ code }) => targetHistory(ctx.db, code),
    'targets.recordActual': (input) => {
      recordActual(ctx.db, input);
      return { code: input.code, year: input.year };
    },
    'targets.deleteActual': ({ code, year }) => {
      deleteActual(ctx.db, code, year);
      return { code, year };
    },
    'monitor.settings': () => monitorSettings(ctx.db),
    'monitor.setSettings': (settings) => setMonitorSettings(ctx.db, settings),
    'tasks.list': ({ plan }) => ({ areas: listTaskAreas(ctx.db, plan), tasks: listTasks(ctx.db, plan) }),
    'tasks.save': ({ task }) => saveTask(ctx.db, task),
    'tasks.delete': ({ id }) => {
      deleteTask(ctx.db, id);
      return { id };
    },
    'register.export': async () => {
      const bytes = await exportRegister(ctx.db);
      return { fileName: ctx.language === 'en' ? 'targets-register.xlsx' : '规划目标登记表.xlsx', mime: XLSX_MIME, base64: bytes.toString('base64') };
    },
    'register.import': ({ fileName, base64 }) => {
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length === 0) throw new WorkbenchError('register.empty', { file: fileName });
      return importRegister(ctx.db, bytes, fileName, ctx.language);
    },
    'regions.compare': ({ indicator, regions, year, asOf, measure }) => compareRegions(ctx.db, indicator, regions, { year, asOf, measure }),
  };
}
