import { useApp } from '../../app-context';
import { judgedElsewhere, measureLabel, type PlanMeasures } from '../../../../shared/monitor/scenario-targets';

/**
 * The measure (口径) a scenario projects, and a note where it carries plan targets judged on another
 * measure: 基准 (2020, the city's earlier measure) carries A1 万亿级规模, judged on the broad measure.
 * The scenario lists its projections of them without a verdict (the rule: ./target-measure.ts).
 */
export function MeasureNote({ measure, targets, plan }: { measure: string | undefined; targets: ReadonlyArray<{ id: string; label?: string; labelEn?: string }>; plan: PlanMeasures }) {
  const { locale, t } = useApp();
  const own = measure ?? null;
  const elsewhere = targets.flatMap((x) => {
    const judged = judgedElsewhere(x, own, plan);
    return judged === null ? [] : [{ name: (locale === 'en' && x.labelEn ? x.labelEn : x.label) || x.id, judged }];
  });
  const join = locale === 'en' ? ', ' : '、';
  return (
    <div className="measure-note" data-testid="scenario-measure">
      <span className="tag">{own ? t('scenario.measure', { measure: measureLabel(plan, own, locale) }) : t('scenario.measureNone')}</span>
      {elsewhere.length > 0 && (
        <p className="warning" role="note">
          {t('scenario.measureNotJudged', {
            targets: elsewhere.map((x) => x.name).join(join),
            measure: [...new Set(elsewhere.map((x) => x.judged))].map((code) => measureLabel(plan, code, locale)).join(join),
          })}
        </p>
      )}
    </div>
  );
}
