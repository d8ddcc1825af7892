// How a series name says which of its figures are bounds ("合计（2020—2022年为下限值）"): the legend
// of the image and the series names of the native PowerPoint chart use the same words.
import type { Bound, ChartPoint } from './data';
import type { Frame } from './frame';

/** A bound in words: 下限值 (lower bound). */
export function boundWord(frame: Frame, bound: Exclude<Bound, 'exact'>): string {
  const zh = frame.spec.locale === 'zh';
  return { lower: zh ? '下限值' : 'lower bound', upper: zh ? '上限值' : 'upper bound', approx: zh ? '约数' : 'approximate' }[bound];
}

/** Years as a note lists them, three or more in a row as a span: 2020、2022, 2020—2022 (2020–2022). */
function yearList(frame: Frame, years: number[]): string {
  const zh = frame.spec.locale === 'zh';
  const runs: number[][] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && y === run.at(-1)! + 1) run.push(y);
    else runs.push([y]);
  }
  const parts = runs.flatMap((run) => (run.length >= 3 ? [`${run[0]}${zh ? '—' : '–'}${run.at(-1)}`] : run.map(String)));
  return parts.join(zh ? '、' : ', ');
}

/** The years of bounded points, as a series name says them: "2020年为下限值", "2020—2022年为下限值". */
export function boundNote(frame: Frame, points: ReadonlyArray<ChartPoint | undefined>): string[] {
  const zh = frame.spec.locale === 'zh';
  return (['lower', 'upper', 'approx'] as const).flatMap((bound) => {
    const years = points.filter((p) => p && p.value !== null && p.bound === bound).map((p) => p!.year);
    if (!years.length) return [];
    const list = yearList(frame, years);
    return [zh ? `${list}年为${boundWord(frame, bound)}` : `${list}: ${boundWord(frame, bound)}`];
  });
}

/** A name with its notes in brackets: 合计（2020—2022年为下限值）. */
export function withNotes(frame: Frame, name: string, notes: string[]): string {
  return notes.length ? frame.words.note(name, notes.join(frame.spec.locale === 'zh' ? '；' : '; ')) : name;
}
