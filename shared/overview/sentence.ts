// The overview's statements as sentences an analyst can read out: one per target, naming the
// measure and source of every figure, its bound, and the compared scenario's projection. The CLI
// and the Overview page write the same words.
import type { OverviewStatement } from '../api/overview-contract';
import { formatPercent, formatWithUnit, type Locale } from '../format/number';
import { translate } from '../i18n';
import { formatBounded } from '../series/bound';

type Answer = OverviewStatement['answers'][number];

/** A source as a sentence cites it: the publication, without the reprint and confidence notes. */
export function shortSource(source: string): string {
  const cut = source.search(/[（(]/);
  return (cut > 0 ? source.slice(0, cut) : source).trim();
}

const measureName = (a: Answer, locale: Locale) => (a.measure ? (locale === 'en' ? a.measure.nameEn : a.measure.nameZh) : '');

function answerText(s: OverviewStatement, a: Answer, locale: Locale): string {
  // Mid-sentence in English the status is lower case ("met", "at risk").
  const status = locale === 'en' ? translate(locale, `monitor.status.${a.status}`).toLowerCase() : translate(locale, `monitor.status.${a.status}`);
  const latest = a.latest;
  const params = {
    status,
    measure: measureName(a, locale),
    value: latest ? formatBounded(latest.value, s.target.unit, latest.bound, locale) : '',
    year: latest?.year ?? '',
    source: latest ? shortSource(latest.source) : '',
  };
  // A measure no longer published has no status to report, only its last figure and why it stops there.
  if (latest && a.measure && a.rule === 'monitor.rule.measureReplaced') {
    return translate(locale, `overview.answer.onMeasure.${params.source ? 'measureReplaced' : 'measureReplacedNoSource'}`, { ...params, from: a.ruleParams.from ?? '' });
  }
  const key = !latest ? 'noFigure' : params.source ? 'figure' : 'figureNoSource';
  return translate(locale, `overview.answer.${a.measure ? 'onMeasure' : 'plain'}.${key}`, params);
}

/** One target's statement: its answers under each measure, then the compared scenario's projection. */
export function overviewSentence(s: OverviewStatement, locale: Locale): string {
  const title = locale === 'en' && s.target.titleEn ? s.target.titleEn : s.target.titleZh;
  const head = translate(locale, s.target.deadline === null ? 'overview.head' : 'overview.headDeadline', { title, deadline: s.target.deadline ?? '' });
  const parts = s.answers.map((a) => answerText(s, a, locale));
  if (s.projection) {
    const p = s.projection;
    parts.push(
      translate(locale, p.met ? 'overview.projection.met' : 'overview.projection.missed', {
        scenario: p.scenario.name,
        year: p.year,
        // A projection to one decimal, as the scenario screens give it (52.3%, not 52.27%).
        value: formatWithUnit(p.value, s.target.unit, locale, 1),
        first: p.firstYearMet ?? '',
      }) + (p.probability === null ? '' : translate(locale, 'overview.projection.probability', { probability: formatPercent(100 * p.probability, locale, 0) })),
    );
  } else if (s.projectionNote) {
    const measure = s.projectionNote.scenarioMeasure ? (locale === 'en' ? s.projectionNote.scenarioMeasure.nameEn : s.projectionNote.scenarioMeasure.nameZh) : '';
    parts.push(translate(locale, `monitor.projection.${s.projectionNote.reason}`, { measure }));
  }
  return `${head}${parts.join(translate(locale, 'overview.separator'))}${translate(locale, 'overview.end')}`;
}
