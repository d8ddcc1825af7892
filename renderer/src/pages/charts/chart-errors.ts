// Why a preview cannot be drawn, as a message key: a template's ChartBuildError carries a code and
// params; the translation lives in the charts message table.
import type { ErrorParams } from '../../../../shared/api/errors';
import { ChartBuildError } from '../../../../shared/charts/errors';

export function chartBuildMessage(error: unknown): { key: string; params: ErrorParams } | null {
  if (!(error instanceof ChartBuildError)) return null;
  const params: ErrorParams = {};
  for (const [name, value] of Object.entries(error.params)) params[name] = Array.isArray(value) ? value.join('、') : value;
  return { key: `charts.build.${error.code}`, params };
}
