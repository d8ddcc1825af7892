import type { ImportPreview, MeasureEntry } from '../../../../shared/api/data-contract';
import { formatPlain } from '../../../../shared/format/number';
import { unitLabel } from '../../../../shared/format/unit-name';
import { useApp } from '../../app-context';
import { measureName } from './PreviewSettings';

/** The file's first rows as decoded, header row marked: wrong encodings show here as mojibake before anything is written. */
export function RawRows({ preview }: { preview: ImportPreview }) {
  const { t } = useApp();
  const width = Math.max(0, ...preview.rawRows.map((r) => r.cells.length));
  return (
    <div className="table-scroll">
      <table className="data-table raw-rows" data-testid="import-raw-rows">
        <caption>{t('data.preview.rawRows')}</caption>
        <tbody>
          {preview.rawRows.map((r) => (
            <tr key={r.row} className={r.row === preview.headerRow ? 'header-row' : r.row < preview.headerRow ? 'note-row' : undefined}>
              <th scope="row">{r.row}</th>
              {Array.from({ length: width }, (_, i) => (
                <td key={i}>{r.cells[i] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The catalogue's English names of indicators and regions by code ('' where none was written). */
export interface EnglishNames {
  indicators: Map<string, string>;
  regions: Map<string, string>;
}

/** The first observations as they would be stored, each with its indicator's parent and the measure (口径) it will have; in English with the catalogue's English names. */
export function SampleRows({ preview, measures, english }: { preview: ImportPreview; measures: MeasureEntry[]; english: EnglishNames | null }) {
  const { t, locale } = useApp();
  if (!preview.sample.length) return null;
  const names = new Map(measures.map((m) => [m.code, measureName(m, locale)]));
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="import-sample">
        <caption>{t('data.preview.sample', { shown: preview.sample.length, total: formatPlain(preview.observations, locale, 0, true) })}</caption>
        <thead>
          <tr>
            <th>{t('data.problem.row')}</th>
            <th>{t('data.indicator')}</th>
            <th>{t('data.region')}</th>
            <th>{t('data.period')}</th>
            <th>{t('data.value')}</th>
            <th>{t('col.unit')}</th>
            <th>{t('data.original')}</th>
            <th>{t('data.status')}</th>
            <th>{t('data.import.measure')}</th>
            <th>{t('data.source')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((s) => (
            <tr key={`${s.row}:${s.column}`} className={s.conflict ? 'conflict' : undefined}>
              <td>{s.row}</td>
              <td>
                {english?.indicators.get(s.indicator) || s.indicatorName}
                {s.parentName && <span className="muted">{t('data.preview.parentOf', { parent: english?.indicators.get(s.parent) || s.parentName })}</span>}
              </td>
              <td>{english?.regions.get(s.region) || s.regionName}</td>
              <td>{s.period}</td>
              <td className="num">{formatPlain(s.value, locale, 4, true)}</td>
              <td title={s.unit}>{unitLabel(s.unit, locale)}</td>
              <td>{s.original}</td>
              <td>
                {t(`status.${s.status}`)}
                {s.conflict && <span className="tag warn">{t('data.preview.conflictTag')}</span>}
              </td>
              <td title={s.measure} data-measure={s.measure}>
                {names.get(s.measure) ?? s.measure}
                {s.measureFrom === 'indicator' && <span className="muted">{t('data.preview.measureOwn')}</span>}
              </td>
              <td>{s.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
