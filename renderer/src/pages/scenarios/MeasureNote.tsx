import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import { useApp } from '../../app-context';

type Measures = Output<'catalogue.measures'>;

/**
 * The measure (口径) a scenario projects, and a warning where it carries a plan target that the monitor
 * judges on another measure: 基准 (2020, the city's earlier measure) projects A1 at 8073.6亿元 while
 * A1 is met on the broad measure. The scenario's verdict holds on its own measure only.
 */
export function MeasureNote({ measure, targetIds }: { measure: string | undefined; targetIds: string[] }) {
  const { client, locale, t } = useApp();
  const [measures, setMeasures] = useState<Measures>([]);
  const [judged, setJudged] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    let live = true;
    Promise.all([client.call('catalogue.measures', {}), client.call('targets.monitor', {})]).then(
      ([m, monitor]) => {
        if (!live) return;
        setMeasures(m);
        setJudged(new Map(monitor.rows.flatMap((r) => (r.measure ? [[r.target.code, r.measure.code] as [string, string]] : []))));
      },
      // Without the catalogue the note names codes; nothing else depends on it.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const name = (code: string) => {
    const m = measures.find((x) => x.code === code);
    return m ? (locale === 'en' && m.nameEn ? m.nameEn : m.nameZh) : code;
  };
  const elsewhere = targetIds.filter((id) => judged.has(id) && judged.get(id) !== measure);
  const otherMeasures = [...new Set(elsewhere.map((id) => judged.get(id)!))];
  return (
    <div className="measure-note" data-testid="scenario-measure">
      <span className="tag">{measure ? t('scenario.measure', { measure: name(measure) }) : t('scenario.measureNone')}</span>
      {elsewhere.length > 0 && (
        <p className="warning" role="note">
          {t('scenario.measureElsewhere', { targets: elsewhere.join(locale === 'en' ? ', ' : '、'), measure: otherMeasures.map(name).join(locale === 'en' ? ', ' : '、') })}
        </p>
      )}
    </div>
  );
}
