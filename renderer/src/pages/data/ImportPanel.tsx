import { useCallback, useEffect, useRef, useState } from 'react';
import {
  importPreviewSchema,
  importSummarySchema,
  type ImportCommitOptionsInput,
  type ImportMapping,
  type ImportOptionsInput,
  type ImportPreview,
  type ImportSummary,
  type MeasureEntry,
  type StagedFile,
} from '../../../../shared/api/data-contract';
import type { JobStatus } from '../../../../shared/api/jobs-contract';
import { formatPlain } from '../../../../shared/format/number';
import { useApp } from '../../app-context';
import { DateField } from '../../components/DateField';
import { JobProgress } from '../../components/JobProgress';
import { measureName, PreviewSettings } from './PreviewSettings';
import { RawRows, SampleRows, type EnglishNames } from './PreviewTables';
import { ProblemList } from './ProblemList';
import { nativePicker, pickNative, uploadFile } from './stage-file';

type ConflictPolicy = 'replace' | 'keep' | 'fail' | 'revise';
const CONFLICT_POLICIES: readonly ConflictPolicy[] = ['fail', 'replace', 'keep', 'revise'];
/** Labels releases are often given (the list is a suggestion; any text is taken). */
const RELEASE_LABELS = ['初步核算', '最终核实', '第四次经济普查修订', '第五次经济普查修订', '统计公报', '统计年鉴'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Outcome {
  summary: ImportSummary | null;
  state: JobStatus['state'];
  error: string | null;
  onConflict: ConflictPolicy;
}

const ACCEPT = '.csv,.tsv,.tab,.txt,.xlsx,.xlsm,.xls';

/** Rows and rate of a running import, read from the job's progress (done = rows so far). */
function ImportRate({ job }: { job: JobStatus }) {
  const { client, t, locale } = useApp();
  const [seen, setSeen] = useState<{ status: JobStatus; first: { at: number; done: number } | null; rate: number }>({ status: job, first: null, rate: 0 });
  const { status } = seen;
  useEffect(() => {
    if (status.state !== 'running') return;
    const timer = setTimeout(() => {
      client.call('jobs.get', { id: status.id }).then(
        (next) => {
          const at = performance.now();
          setSeen((prev) => {
            const first = prev.first ?? { at, done: next.done };
            const seconds = (at - first.at) / 1000;
            return { status: next, first, rate: seconds > 0 ? (next.done - first.done) / seconds : prev.rate };
          });
        },
        () => undefined,
      );
    }, 500);
    return () => clearTimeout(timer);
  }, [client, status]);
  return (
    <span className="muted" data-testid="import-rate">
      {t('data.import.rate', { rows: formatPlain(status.done, locale, 0, true), rate: formatPlain(seen.rate, locale, 0, true) })}
    </span>
  );
}

/**
 * Import a file: choose it (browser upload or the Electron dialog), read the preview, correct what
 * detection got wrong, choose how conflicts and bad rows are handled, then commit. The preview and
 * the commit each run as a background job with progress and cancel. Nothing is written until the
 * commit; a cancelled preview drops the staged file and goes back to the file choice, a cancelled
 * commit leaves nothing.
 */
export function ImportPanel({ onImported, onRunning }: { onImported: (summary: ImportSummary) => void; onRunning: (running: boolean) => void }) {
  const { client, t, describeError, locale } = useApp();
  const [file, setFile] = useState<StagedFile | null>(null);
  const [options, setOptions] = useState<ImportOptionsInput>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [onConflict, setOnConflict] = useState<ConflictPolicy>('fail');
  const [released, setReleased] = useState('');
  const [releaseLabel, setReleaseLabel] = useState('');
  const [measures, setMeasures] = useState<MeasureEntry[]>([]);
  const [english, setEnglish] = useState<EnglishNames | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [allowDuplicate, setAllowDuplicate] = useState(false);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [previewJob, setPreviewJob] = useState<JobStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const picker = nativePicker();
  const grouped = (n: number) => formatPlain(n, locale, 0, true);
  const working = busy || job !== null || previewJob !== null;

  useEffect(() => {
    client.call('catalogue.measures', {}).then(setMeasures, () => setMeasures([]));
  }, [client]);
  // The sample names rows by the catalogue's Chinese names; in English, by its English ones where written.
  useEffect(() => {
    if (locale !== 'en') return;
    Promise.all([client.call('catalogue.indicators', {}), client.call('catalogue.regions', {})]).then(
      ([indicators, regions]) => setEnglish({ indicators: new Map(indicators.map((i) => [i.code, i.nameEn])), regions: new Map(regions.map((r) => [r.code, r.nameEn])) }),
      () => setEnglish(null),
    );
  }, [client, locale]);

  // Leaving the Import tab (or the page) while a preview is read cancels it and drops its file, as the cancel button does.
  const runningPreview = useRef<{ jobId: string; stagingId: string } | null>(null);
  useEffect(() => {
    runningPreview.current = previewJob && file ? { jobId: previewJob.id, stagingId: file.stagingId } : null;
  }, [previewJob, file]);
  useEffect(
    () => () => {
      const running = runningPreview.current;
      if (!running) return;
      void client.call('jobs.cancel', { id: running.jobId }).catch(() => undefined);
      void client.call('imports.discard', { stagingId: running.stagingId }).catch(() => undefined);
    },
    [client],
  );

  const read = useCallback(
    async (staged: StagedFile, next: ImportOptionsInput) => {
      setBusy(true);
      setError(null);
      setNotice(null);
      setOutcome(null);
      try {
        setPreviewJob(await client.call('imports.preview', { stagingId: staged.stagingId, options: next }));
      } catch (e) {
        setPreview(null);
        setError(describeError(e));
      } finally {
        setBusy(false);
      }
    },
    [client, describeError],
  );

  const previewFinished = useCallback(
    (status: JobStatus) => {
      setPreviewJob(null);
      if (status.state === 'cancelled') {
        if (file) void client.call('imports.discard', { stagingId: file.stagingId }).catch(() => undefined);
        setFile(null);
        setPreview(null);
        setMapping(null);
        setOptions({});
        setNotice(t('data.import.previewCancelled'));
        return;
      }
      const parsed = status.state === 'done' ? importPreviewSchema.safeParse(status.result) : null;
      if (parsed?.success) {
        setPreview(parsed.data);
        setMapping(parsed.data.mapping);
      } else {
        setPreview(null);
        setError(status.error ? t(status.error.code, status.error.params) : t('common.error'));
      }
    },
    [client, t, file],
  );

  const start = async (stage: () => Promise<StagedFile | null>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    setOutcome(null);
    try {
      const staged = await stage();
      if (!staged) return;
      if (file) void client.call('imports.discard', { stagingId: file.stagingId }).catch(() => undefined);
      setFile(staged);
      setPreview(null);
      setMapping(null);
      setOptions({});
      setOnConflict('fail');
      setReleased('');
      setReleaseLabel('');
      setSkipBadRows(false);
      setAllowDuplicate(false);
      await read(staged, {});
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const changeOptions = (next: ImportOptionsInput) => {
    setOptions(next);
    if (file) void read(file, next);
  };

  /** Keep total rows as data, or leave out those that add up (the default): the file is read again, corrections made so far kept. */
  const keepTotals = (keep: boolean) => {
    const edited = mapping !== null && preview !== null && JSON.stringify(mapping) !== JSON.stringify(preview.mapping);
    changeOptions({ ...options, totals: keep ? 'keep' : undefined, ...(edited ? { mapping } : {}) });
  };

  const applyMapping = () => {
    if (!file || !mapping) return;
    const next = { ...options, mapping };
    setOptions(next);
    void read(file, next);
  };

  /** The conflict choice of the import running, for its outcome's wording. */
  const committing = useRef<ConflictPolicy>('fail');

  const commit = async () => {
    if (!file) return;
    setError(null);
    setNotice(null);
    setOutcome(null);
    const label = releaseLabel.trim();
    const commitOptions: ImportCommitOptionsInput = { ...options, ...(released ? { released } : {}), ...(label ? { releaseLabel: label } : {}) };
    committing.current = onConflict;
    try {
      setJob(await client.call('imports.commit', { stagingId: file.stagingId, options: commitOptions, onConflict, skipBadRows, allowDuplicate }));
      onRunning(true);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const finished = useCallback(
    (status: JobStatus) => {
      setJob(null);
      onRunning(false);
      const parsed = status.state === 'done' ? importSummarySchema.safeParse(status.result) : null;
      const summary = parsed?.success ? parsed.data : null;
      setOutcome({ summary, state: status.state, error: status.error ? t(status.error.code, status.error.params) : null, onConflict: committing.current });
      if (summary?.status === 'committed') {
        setFile(null);
        setPreview(null);
        onImported(summary);
      }
    },
    [onImported, onRunning, t],
  );

  const layoutBroken = preview !== null && preview.observations === 0 && preview.errorCount > 0;
  const needsSkip = preview !== null && preview.badObservations > 0 && !skipBadRows;
  const needsDuplicate = preview?.duplicateOf != null && !allowDuplicate;
  const conflictsBlock = preview !== null && preview.conflicts > 0 && onConflict === 'fail';
  // The backend refuses these too (import.revise-needs-release, import.bad-release-date); said here next to the field.
  const releaseMissing = onConflict === 'revise' && released === '';
  const releaseBad = released !== '' && !ISO_DATE.test(released);
  const canCommit = preview !== null && !working && !layoutBroken && !needsSkip && !needsDuplicate && !conflictsBlock && !releaseMissing && !releaseBad && preview.observations > 0;
  const names = new Map(measures.map((m) => [m.code, measureName(m, locale)]));
  /** Between two sentences: a space in English, nothing after a Chinese full stop. */
  const sentenceGap = locale === 'en' ? ' ' : '';

  return (
    <section className="import-panel" aria-label={t('data.import.title')}>
      <div className="toolbar">
        {picker ? (
          <button type="button" className="primary" disabled={working} onClick={() => void start(() => pickNative(picker))}>
            {t('data.import.choose')}
          </button>
        ) : (
          <label className="file-pick">
            {t('data.import.choose')}
            <input
              type="file"
              accept={ACCEPT}
              data-testid="import-file"
              disabled={working}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                e.target.value = '';
                if (chosen) void start(() => uploadFile(chosen));
              }}
            />
          </label>
        )}
        <span className="muted">{t('import.formats')}</span>
        {busy && <span className="muted" role="status">{t('data.import.reading')}</span>}
      </div>
      {error && <p role="alert" className="error" data-testid="import-error">{error}</p>}
      {notice && <p className="summary" data-testid="import-notice">{notice}</p>}

      {previewJob && (
        <div className="import-job" data-testid="import-preview-job">
          <JobProgress job={previewJob} onFinished={previewFinished} />
          <ImportRate job={previewJob} />
        </div>
      )}

      {outcome && <ImportOutcome outcome={outcome} />}

      {file && preview && mapping && (
        <div className="import-preview" data-testid="import-preview">
          <p className="file-facts" data-testid="import-facts">
            <strong>{preview.file.name}</strong> · {formatPlain(preview.file.sizeBytes / 1024, locale, 1, true)} KB ·{' '}
            {preview.file.format === 'xls' || preview.file.format === 'html' ? t(`import.format.${preview.file.format}`) : preview.file.format.toUpperCase()}
            {preview.encoding && <> · {t('data.preview.encodingIs', { name: preview.encoding.name.toUpperCase(), confidence: Math.round(preview.encoding.confidence * 100) })}</>}
            {preview.sheet && <> · {t('data.preview.sheetIs', { sheet: preview.sheet })}</>}
            {' · '}
            {t('data.preview.layoutIs', { layout: t(`data.layout.${preview.layout.kind}`) })} · {t('data.preview.headerRowIs', { row: preview.headerRow })}
          </p>
          <p className="file-facts" data-testid="import-measure-facts">
            {preview.measure.code
              ? t(`data.preview.measure.${preview.measure.from ?? 'option'}`, { name: names.get(preview.measure.code) ?? preview.measure.code })
              : t('data.preview.measure.indicator')}
            {preview.mapping.columns.some((c) => c.role === 'measure') && <>{sentenceGap}{t('data.preview.measure.column')}</>}
          </p>
          {preview.notes.length > 0 && (
            <ul className="notes" data-testid="import-notes">
              {preview.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
          <PreviewSettings
            preview={preview}
            options={options}
            mapping={mapping}
            measures={measures}
            onOptions={changeOptions}
            onMapping={setMapping}
            onApplyMapping={applyMapping}
            busy={working}
          />
          <RawRows preview={preview} />
          <SampleRows preview={preview} measures={measures} english={locale === 'en' ? english : null} />
          {preview.sourceNote && (
            <p className="source-note" data-testid="import-source-note">
              {t('data.preview.sourceNote')}: {preview.sourceNote}
            </p>
          )}
          <p className="counts" data-testid="import-counts">
            {t('data.preview.counts', {
              rows: grouped(preview.rowsRead),
              observations: grouped(preview.observations),
              bad: grouped(preview.badObservations),
              conflicts: grouped(preview.conflicts),
            })}
            {preview.blankCells > 0 && <>{sentenceGap}<span data-testid="import-blank-cells">{t('data.import.blankCells', { count: grouped(preview.blankCells) })}</span></>}
            {preview.newIndicators.length > 0 && <>{sentenceGap}{t('data.preview.newIndicators', { names: preview.newIndicators.join('、') })}</>}
            {preview.newParents.length > 0 && (
              <>
                {sentenceGap}
                <span data-testid="import-new-parents">
                  {t('data.preview.newParents', { items: preview.newParents.map((p) => `${p.name}${t('data.preview.parentOf', { parent: p.parent })}`).join(locale === 'en' ? '; ' : '、') })}
                </span>
              </>
            )}
            {preview.newRegions.length > 0 && <>{sentenceGap}{t('data.preview.newRegions', { names: preview.newRegions.join('、') })}</>}
          </p>
          {(preview.totalRows > 0 || options.totals === 'keep') && (
            <p className="counts" data-testid="import-totals">
              {preview.totalRows > 0 && <>{t('import.totals.skipped', { count: grouped(preview.totalRows) })} </>}
              <label>
                <input type="checkbox" checked={options.totals === 'keep'} disabled={working} onChange={(e) => keepTotals(e.target.checked)} data-testid="import-keep-totals" />
                {t('import.totals.keep')}
              </label>
            </p>
          )}
          <ProblemList problems={preview.problems} total={preview.problemCount} testId="import-problems" />

          <fieldset className="commit-choices" disabled={working}>
            <legend>{t('data.import.choices')}</legend>
            <div className="conflict-choice" data-testid="import-conflicts">
              <span data-testid="import-conflict-count">
                {t('data.import.conflicts', { count: grouped(preview.conflicts) })}
                {preview.conflictsIdentical > 0 && <>{sentenceGap}{t('data.import.conflictsIdentical', { identical: grouped(preview.conflictsIdentical) })}</>}
              </span>
              <div className="choice-options" role="radiogroup" aria-label={t('data.import.conflicts', { count: grouped(preview.conflicts) })}>
                {CONFLICT_POLICIES.map((p) => (
                  <label key={p}>
                    <input type="radio" name="on-conflict" value={p} checked={onConflict === p} onChange={() => setOnConflict(p)} />
                    {t(`data.conflict.${p}`)}
                  </label>
                ))}
              </div>
              {preview.conflicts > 0 && onConflict !== 'fail' && (
                <span className="muted" data-testid="import-conflict-effect">
                  {onConflict === 'revise'
                    ? t('data.import.effect.revise', { changed: grouped(preview.conflicts - preview.conflictsIdentical), identical: grouped(preview.conflictsIdentical) })
                    : t(`data.import.effect.${onConflict}`, { count: grouped(preview.conflicts) })}
                </span>
              )}
            </div>
            <div className="settings-row release-row">
              <label>
                {t('data.import.released')}
                <DateField
                  value={released}
                  onChange={setReleased}
                  passInvalid
                  required={onConflict === 'revise'}
                  ariaInvalid={releaseMissing || releaseBad}
                  ariaDescribedBy={releaseMissing || releaseBad ? 'import-released-error' : undefined}
                  testId="import-released"
                />
              </label>
              <label>
                {t('data.import.releaseLabel')}
                <input
                  className="medium"
                  list="import-release-labels"
                  value={releaseLabel}
                  maxLength={500}
                  placeholder={t('data.import.releaseLabelHint')}
                  onChange={(e) => setReleaseLabel(e.target.value)}
                  data-testid="import-release-label"
                />
                <datalist id="import-release-labels">
                  {RELEASE_LABELS.map((l) => (
                    <option key={l} value={l} />
                  ))}
                </datalist>
              </label>
              {releaseMissing || releaseBad ? (
                <span id="import-released-error" role="alert" className="error field-error" data-testid="import-released-error">
                  {releaseMissing ? t('data.import.reviseNeedsDate') : t('import.bad-release-date', { date: released })}
                </span>
              ) : (
                <span className="muted field-hint">{t('data.import.releaseHint')}</span>
              )}
            </div>
            <label>
              <input type="checkbox" checked={skipBadRows} onChange={(e) => setSkipBadRows(e.target.checked)} data-testid="import-skip-bad" />
              {t('data.import.skipBad', { count: grouped(preview.badObservations) })}
            </label>
            {preview.duplicateOf && (
              <label>
                <input type="checkbox" checked={allowDuplicate} onChange={(e) => setAllowDuplicate(e.target.checked)} />
                {t('data.import.allowDuplicate', { id: preview.duplicateOf.id, at: preview.duplicateOf.importedAt.slice(0, 16).replace('T', ' ') })}
              </label>
            )}
            <div className="toolbar">
              <button type="button" className="primary" disabled={!canCommit} onClick={() => void commit()} data-testid="import-commit">
                {t('data.import.commit', { count: grouped(preview.observations) })}
              </button>
              <button
                type="button"
                onClick={() => {
                  void client.call('imports.discard', { stagingId: file.stagingId }).catch(() => undefined);
                  setFile(null);
                  setPreview(null);
                }}
              >
                {t('data.import.discard')}
              </button>
              {layoutBroken && <span className="error">{t('data.import.fixLayout')}</span>}
              {!layoutBroken && needsSkip && <span className="error">{t('data.import.needsSkip')}</span>}
              {needsDuplicate && <span className="error">{t('data.import.needsDuplicate')}</span>}
              {conflictsBlock && <span className="error">{t('data.import.needsConflict')}</span>}
            </div>
          </fieldset>
        </div>
      )}

      {job && (
        <div className="import-job" data-testid="import-job">
          <JobProgress job={job} onFinished={finished} />
          <ImportRate job={job} />
        </div>
      )}
    </section>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const { t, locale } = useApp();
  const { summary, state, error } = outcome;
  if (state === 'cancelled' || summary?.status === 'cancelled') return <p className="summary" data-testid="import-outcome">{t('import.cancelled')}</p>;
  if (state === 'failed' || !summary) return <p role="alert" className="error" data-testid="import-outcome">{error ?? t('common.error')}</p>;
  if (summary.status === 'committed') {
    return (
      <p className="summary" data-testid="import-outcome">
        {outcome.onConflict === 'revise'
          ? t('data.import.doneRevise', { id: summary.importId ?? '', written: summary.rowsWritten, replaced: summary.rowsReplaced, unchanged: summary.rowsUnchanged, skipped: summary.rowsSkipped })
          : t('data.import.done', { id: summary.importId ?? '', written: summary.rowsWritten, replaced: summary.rowsReplaced, kept: summary.rowsKept, skipped: summary.rowsSkipped })}
        {summary.blankCells > 0 && <>{locale === 'en' ? ' ' : ''}{t('data.import.blankCells', { count: formatPlain(summary.blankCells, locale, 0, true) })}</>}
      </p>
    );
  }
  return (
    <div data-testid="import-outcome">
      <p role="alert" className="error">{t('data.import.rejected')}</p>
      <ProblemList problems={summary.problems} total={summary.problemCount} testId="import-outcome-problems" />
    </div>
  );
}
