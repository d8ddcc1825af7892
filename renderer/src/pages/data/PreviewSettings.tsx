import { useEffect, useRef, useState } from 'react';
import type { ImportMapping, ImportOptionsInput, ImportPreview, MeasureEntry } from '../../../../shared/api/data-contract';
import type { Locale } from '../../../../shared/format/number';
import { unitLabel } from '../../../../shared/format/unit-name';
import { useApp } from '../../app-context';

const ROLES = ['indicator', 'region', 'period', 'value', 'unit', 'measure', 'status', 'source', 'note', 'series', 'ignore'] as const;
const DIMENSIONS = ['period', 'indicator', 'region'] as const;
const STATUSES = ['actual', 'estimate', 'target', 'illustrative', 'derived'] as const;
const FIXED = ['indicator', 'region', 'period', 'unit'] as const;

type Column = ImportMapping['columns'][number];

/** A measure's name in the UI language. */
export function measureName(m: MeasureEntry, locale: Locale): string {
  return locale === 'en' ? m.nameEn || m.nameZh : m.nameZh;
}

type Detected = ImportPreview['detected'][number];

/** The header row: a new one is read again after a pause in typing (or at Enter, or on leaving the field), its columns detected anew. */
function HeaderRowField({ row, busy, onChange }: { row: number; busy: boolean; onChange: (row: number) => void }) {
  const { t } = useApp();
  const [text, setText] = useState(String(row));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const commit = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const n = Math.trunc(Number(value));
    if (Number.isFinite(n) && n >= 1 && n !== row) onChange(n);
  };
  return (
    <label title={t('import.headerRow.redetect')}>
      {t('data.preview.headerRow')}
      <input
        type="number"
        className="narrow"
        min={1}
        value={text}
        disabled={busy}
        data-testid="import-header-row"
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(value), 600);
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
    </label>
  );
}

/** A fixed value read from the title, a note row or the header: said so beside the field while the field still holds it. */
function DetectedTag({ found, field }: { found: Detected | undefined; field: string }) {
  const { t } = useApp();
  if (!found) return null;
  return (
    <span className="tag" title={t('import.detected.where', { row: found.row, text: found.text })} data-testid={`import-detected-${field}`}>
      {t(`import.detected.${found.from}`)}
    </span>
  );
}

/**
 * What the user may correct before committing. Encoding, sheet, layout and header row read the file
 * again at once (detection runs anew: under a new header row the columns are found again); the
 * measure (口径) reads it again keeping the mapping, so the preview shows the measure each row will
 * get; each column's role and the fixed values are edited here and applied with the re-read button.
 * Fixed values read from the title or a note row are marked (从标题识别) while they stand.
 */
export function PreviewSettings({
  preview,
  options,
  mapping,
  measures,
  onOptions,
  onMapping,
  onApplyMapping,
  busy,
}: {
  preview: ImportPreview;
  options: ImportOptionsInput;
  mapping: ImportMapping;
  /** The workspace's measures (catalogue.measures), for the measure select. */
  measures: MeasureEntry[];
  onOptions: (options: ImportOptionsInput) => void;
  onMapping: (mapping: ImportMapping) => void;
  onApplyMapping: () => void;
  busy: boolean;
}) {
  const { t, locale } = useApp();
  const noteMeasure = preview.mapping.fixed.measure;
  const chooseMeasure = (code: string) => {
    // Mapping corrections made and not yet applied go along, rather than being lost to the re-read.
    const edited = JSON.stringify(mapping) !== JSON.stringify(preview.mapping);
    onOptions({ ...options, measure: code || undefined, ...(edited ? { mapping } : {}) });
  };
  const enc = preview.encoding;
  const detectedFor = (field: Detected['field']) => preview.detected.find((d) => d.field === field && mapping.fixed[field] === d.value);
  const shownValue = (d: Detected) => (d.field === 'status' ? t(`status.${d.value}`) : d.field === 'unit' ? unitLabel(d.value, locale) : d.value);
  const zh = locale !== 'en';
  const changeHeaderRow = (headerRow: number) => onOptions({ ...options, mapping: { headerRow, columns: [], fixed: mapping.fixed } });
  const setColumn = (index: number, change: Partial<Column>) => onMapping({ ...mapping, columns: mapping.columns.map((c, i) => (i === index ? { ...c, ...change } : c)) });
  const setFixed = (key: (typeof FIXED)[number] | 'status' | 'source', value: string) => {
    const fixed = { ...mapping.fixed };
    if (value) Object.assign(fixed, { [key]: value });
    else delete fixed[key];
    onMapping({ ...mapping, fixed });
  };

  return (
    <div className="preview-settings" data-testid="import-settings">
      <div className="settings-row">
        {preview.file.format !== 'xlsx' && preview.file.format !== 'xls' && (
          <label>
            {t('data.preview.encoding')}
            <select
              data-testid="import-encoding"
              value={options.encoding ?? ''}
              disabled={busy}
              onChange={(e) => onOptions({ ...options, encoding: (e.target.value || undefined) as ImportOptionsInput['encoding'], mapping: undefined })}
            >
              <option value="">{enc ? t('data.preview.detected', { name: enc.name.toUpperCase(), confidence: Math.round(enc.confidence * 100) }) : t('data.preview.auto')}</option>
              <option value="utf-8">UTF-8</option>
              <option value="gb18030">GBK / GB18030</option>
              <option value="utf-16le">UTF-16LE</option>
            </select>
          </label>
        )}
        {preview.sheets.length > 0 && (
          <label>
            {t('data.preview.sheet')}
            <select data-testid="import-sheet" value={options.sheet ?? preview.sheet ?? ''} disabled={busy} onChange={(e) => onOptions({ ...options, sheet: e.target.value, mapping: undefined })}>
              {preview.sheets.map((s) => (
                <option key={s} value={s}>{s}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('data.preview.layout')}
          <select
            data-testid="import-layout"
            value={options.layout ?? ''}
            disabled={busy}
            onChange={(e) => onOptions({ ...options, layout: (e.target.value || undefined) as ImportOptionsInput['layout'], mapping: undefined })}
          >
            <option value="">{t('data.preview.detectedLayout', { layout: t(`data.layout.${preview.layout.kind}`), confidence: Math.round(preview.layout.confidence * 100) })}</option>
            {(['long', 'wide', 'portal'] as const).map((k) => (
              <option key={k} value={k}>{t(`data.layout.${k}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('data.import.measure')}
          <select data-testid="import-measure" value={options.measure ?? ''} disabled={busy} onChange={(e) => chooseMeasure(e.target.value)}>
            <option value="">{noteMeasure ? t('data.import.measureFromNote', { name: noteMeasure }) : t('data.import.measureDefault')}</option>
            {measures.map((m) => (
              <option key={m.code} value={m.code}>{measureName(m, locale)}</option>
            ))}
          </select>
        </label>
        <HeaderRowField key={`${preview.headerRow}:${options.mapping?.headerRow ?? ""}`} row={preview.headerRow} busy={busy} onChange={changeHeaderRow} />
      </div>
      {preview.detected.length > 0 && (
        <p className="file-facts" data-testid="import-detected">
          {preview.detected.map((d) => (
            <span key={`${d.field}:${d.row}`} title={t('import.detected.where', { row: d.row, text: d.text })}>
              {t(`data.fixed.${d.field}`)}
              {zh ? '：' : ': '}
              {shownValue(d)}
              {zh ? `（${t(`import.detected.${d.from}`)}）` : ` (${t(`import.detected.${d.from}`)})`}{' '}
            </span>
          ))}
        </p>
      )}

      <details open={preview.layout.confidence < 0.6 || preview.errorCount > 0}>
        <summary>{t('data.preview.mapping')}</summary>
        <div className="table-scroll">
          <table className="data-table mapping" data-testid="import-mapping">
            <thead>
              <tr>
                <th>{t('data.mapping.column')}</th>
                <th>{t('data.mapping.header')}</th>
                <th>{t('data.mapping.role')}</th>
                <th>{t('data.mapping.dimension')}</th>
                <th>{t('data.mapping.key')}</th>
                <th>{t('col.unit')}</th>
              </tr>
            </thead>
            <tbody>
              {mapping.columns.map((c, i) => (
                <tr key={c.column}>
                  <td>{c.column}</td>
                  <td>{c.header}</td>
                  <td>
                    <select value={c.role} disabled={busy} onChange={(e) => setColumn(i, { role: e.target.value as Column['role'] })} aria-label={t('data.mapping.role')}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>{t(`data.role.${r}`)}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {c.role === 'series' && (
                      <select value={c.dimension ?? ''} disabled={busy} onChange={(e) => setColumn(i, { dimension: (e.target.value || undefined) as Column['dimension'] })} aria-label={t('data.mapping.dimension')}>
                        <option value="">—</option>
                        {DIMENSIONS.map((d) => (
                          <option key={d} value={d}>{t(`data.role.${d}`)}</option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>{c.role === 'series' && <input className="narrow" value={c.key ?? ''} disabled={busy} onChange={(e) => setColumn(i, { key: e.target.value })} />}</td>
                  <td>
                    {(c.role === 'value' || c.role === 'series') && (
                      <input className="narrow" value={c.unit ?? ''} disabled={busy} onChange={(e) => setColumn(i, { unit: e.target.value || undefined })} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="settings-row">
          {FIXED.map((k) => (
            <label key={k}>
              {t(`data.fixed.${k}`)}
              <DetectedTag found={detectedFor(k)} field={k} />
              <input className="medium" value={mapping.fixed[k] ?? ''} disabled={busy} onChange={(e) => setFixed(k, e.target.value)} data-testid={`import-fixed-${k}`} />
            </label>
          ))}
          <label>
            {t('data.fixed.status')}
            <DetectedTag found={detectedFor('status')} field="status" />
            <select value={mapping.fixed.status ?? ''} disabled={busy} onChange={(e) => setFixed('status', e.target.value)}>
              <option value="">{t('data.fixed.statusDefault')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>{t(`status.${s}`)}</option>
              ))}
            </select>
          </label>
          <label>
            {t('data.fixed.source')}
            <input className="medium" value={mapping.fixed.source ?? ''} disabled={busy} onChange={(e) => setFixed('source', e.target.value)} />
          </label>
        </div>
        <button type="button" onClick={onApplyMapping} disabled={busy} data-testid="import-apply-mapping">{t('data.preview.applyMapping')}</button>
      </details>
    </div>
  );
}
