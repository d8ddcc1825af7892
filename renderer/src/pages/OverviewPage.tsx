import { useEffect, useState } from 'react';
import type { Overview, OverviewStatement } from '../../../shared/api/overview-contract';
import { ISO_DATE } from '../../../shared/series/vintage';
import { byScenario, overviewParts } from '../../../shared/overview/sentence';
import { useApp } from '../app-context';
import './targets/targets.css';
import './overview.css';
import { DateField } from '../components/DateField';

/**
 * Links from a statement to its evidence: the figures' rows in the grid, the compared scenario, the
 * saved chart that draws it best (the backend orders them: the target's figure on its own measure
 * first), and the monitor.
 */
function EvidenceLinks({ s }: { s: OverviewStatement }) {
  const { locale, t } = useApp();
  const withFigures = s.answers.some((a) => a.latest?.from === 'observation');
  const [chart, ...otherCharts] = s.charts;
  const chartTitle = chart
    ? t('overview.link.chartTitle', { name: chart.name }) +
      (otherCharts.length ? t('overview.link.otherCharts', { names: otherCharts.map((c) => c.name).join(locale === 'en' ? ', ' : '、') }) : '')
    : '';
  return (
    <span className="evidence">
      {withFigures && s.target.indicator && s.target.region && (
        <a href={`#/data?indicator=${encodeURIComponent(s.target.indicator)}&region=${encodeURIComponent(s.target.region)}`}>{t('overview.link.data')}</a>
      )}
      {s.projection && <a href={`#/scenarios?id=${s.projection.scenario.id}`}>{t('overview.link.scenario')}</a>}
      {chart && (
        <a href={`#/charts?chart=${chart.id}`} title={chartTitle} data-testid={`overview-chart-${s.target.code}`} data-chart={chart.id} className="chart-link">
          {t('overview.link.chart', { name: chart.name })}
        </a>
      )}
      <a href="#/targets">{t('overview.link.monitor')}</a>
    </span>
  );
}

function Statement({ s }: { s: OverviewStatement }) {
  const { locale, t } = useApp();
  const { sentence, basis } = overviewParts(s, locale);
  return (
    <li className="overview-statement" data-code={s.target.code}>
      <div className="statement-head">
        {s.answers.map((a, i) => (
          <span key={a.measure?.code ?? i} className={`status-chip status-${a.status}${a.judged ? '' : ' other-measure'}`} title={a.measure ? (locale === 'en' ? a.measure.nameEn : a.measure.nameZh) : undefined}>
            {a.measure && !a.judged ? `${locale === 'en' ? `${a.measure.nameEn}: ` : `${a.measure.nameZh}：`}` : ''}
            {a.rule === 'monitor.rule.measureReplaced'
              ? t('overview.chip.measureReplaced', { from: a.ruleParams.from ?? '' })
              : byScenario(a)
                ? t('overview.chip.byScenario', { status: t(`monitor.status.${a.status}`) })
                : t(`monitor.status.${a.status}`)}
          </span>
        ))}
      </div>
      <p className="sentence">{sentence}</p>
      {basis && (
        <p className="scenario-basis" data-testid={`overview-basis-${s.target.code}`}>
          {basis}
        </p>
      )}
      <EvidenceLinks s={s} />
    </li>
  );
}

/** 总览: the headline answer for every plan's quantitative targets, the first page an analyst sees. */
export function OverviewPage() {
  const { client, locale, t, describeError } = useApp();
  const [vintage, setVintage] = useState('');
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Asked again when the language switches: the backend names the linked starter charts in it.
  useEffect(() => {
    if (vintage && !ISO_DATE.test(vintage)) return;
    let live = true;
    client.call('overview.get', vintage ? { vintage } : {}).then(
      (o) => live && (setOverview(o), setError(null)),
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [client, vintage, describeError, locale]);

  const plans = overview ? [...new Map(overview.statements.map((s) => [s.plan.code, s.plan])).values()] : [];
  return (
    <section className="page overview-page">
      <header className="page-header">
        <h1>{t('page.overview.title')}</h1>
        <p className="muted">{t('overview.intro')}</p>
      </header>
      <div className="toolbar">
        <label>
          {t('overview.vintage')}
          <DateField value={vintage} onChange={setVintage} releases testId="overview-vintage" />
        </label>
        {vintage && (
          <button type="button" onClick={() => setVintage('')}>
            {t('overview.latest')}
          </button>
        )}
        {overview?.scenario && (
          <span className="muted">
            {t('overview.compared')}
            <a href={`#/scenarios?id=${overview.scenario.id}`}>{overview.scenario.name}</a>
            {overview.monteCarlo && t('overview.monteCarlo', { draws: overview.monteCarlo.draws, seed: overview.monteCarlo.seed })}
          </span>
        )}
      </div>
      {overview?.vintage && (
        <p className="vintage-banner" role="status">
          {t('overview.vintageBanner', { date: overview.vintage })}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!overview && !error && <p className="muted">{t('common.loading')}</p>}
      {plans.map((plan) => {
        const statements = overview!.statements.filter((s) => s.plan.code === plan.code);
        const answered = statements.filter((s) => s.answers.some((a) => a.latest) || s.projection);
        const open = statements.filter((s) => !answered.includes(s));
        return (
          <section key={plan.code} className="panel overview-plan" data-plan={plan.code}>
            <h2>
              {locale === 'en' && plan.nameEn ? plan.nameEn : plan.nameZh}
            </h2>
            <ul className="overview-statements">
              {answered.map((s) => (
                <Statement key={s.target.code} s={s} />
              ))}
            </ul>
            {open.length > 0 && (
              <p className="muted no-data-list" data-testid={`no-data-${plan.code}`}>
                {t('overview.noData')}
                {open.map((s) => (locale === 'en' && s.target.titleEn ? s.target.titleEn : s.target.titleZh)).join(t('overview.listSeparator'))}
              </p>
            )}
          </section>
        );
      })}
    </section>
  );
}
