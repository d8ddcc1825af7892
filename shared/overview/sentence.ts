// The overview's statements as sentences an analyst can read out: one per target, naming the
// measure, source and release of every figure, its bound, and the compared scenario's projection,
// worded as conditional on the scenario's assumptions and followed by what they are. The CLI and the
// Overview page write the same words.
import type { OverviewStatement } from '../api/overview-contract';
import { formatPercent, formatWithUnit, type Locale } from '../format/number';
import { translate } from '../i18n';
import { formatBounded } from '../series/bound';
import { scenarioBasisText, shortSource, sourceWithRelease } from './scenario-basis';

type Answer = OverviewStatement['answers'][number];

/** Rules under which a status is the compared scenario's verdict, not the figures'. */
const BY_SCENARIO = new Set(['monitor.rule.scenarioMeets', 'monitor.rule.scenarioMisses']);

/** The answer's status rests on the compared scenario's projection (one comparable figure only). */
export const byScenario = (a: Pick<Answer, 'rule'>) => BY_SCENARIO.has(a.rule);

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
    source: latest && latest.source ? sourceWithRelease(shortSource(latest.source), latest.released, latest.releaseLabel, locale) : '',
  };
  // A measure no longer published has no status to report, only its last figure and why it stops there.
  if (latest && a.measure && a.rule === 'monitor.rule.measureReplaced') {
    return translate(locale, `overview.answer.onMeasure.${params.source ? 'measureReplaced' : 'measureReplacedNoSource'}`, { ...params, from: a.ruleParams.from ?? '' });
  }
  const key = !latest ? 'noFigure' : `${byScenario(a) ? 'byScenario' : 'figure'}${params.source ? '' : 'NoSource'}`;
  return translate(locale, `overview.answer.${a.measure ? 'onMeasure' : 'plain'}.${key}`, params);
}

/**
 * One target's statement: its answers under each measure, then the compared scenario's projection as
 * a conditional; and, when there is a projection, what it rests on. The page shows the two apart.
 */
export function overviewParts(s: OverviewStatement, locale: Locale): { sentence: string; basis: string } {
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
  const sentence = `${head}${parts.join(translate(locale, 'overview.separator'))}${translate(locale, 'overview.end')}`;
  return { sentence, basis: s.projection?.basis ? scenarioBasisText(s.projection.basis, locale) : '' };
}

/** The statement as one text, for the command line: the sentence, then what its projection rests on. */
export function overviewSentence(s: OverviewStatement, locale: Locale): string {
  const { sentence, basis } = overviewParts(s, locale);
  return basis ? `${sentence}${translate(locale, 'overview.basisJoin')}${basis}` : sentence;
}
