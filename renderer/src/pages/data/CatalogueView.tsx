import type { ColDef } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { IndicatorEntry, MeasureEntry, RegionEntry } from '../../../../shared/api/data-contract';
import { unitLabel } from '../../../../shared/format/unit-name';
import { seedLabel } from '../../../../shared/i18n/seed-labels';
import { useApp } from '../../app-context';
import { DataGrid } from '../../components/DataGrid';

/** A catalogue entry's description in the screen's language, the Chinese one where no English was written. */
function described(entry: { description: string; descriptionEn: string }, locale: string): string {
  return locale === 'en' && entry.descriptionEn ? entry.descriptionEn : entry.description;
}

/** A sub-item's name indented by its depth under the top-level indicators, as the yearbook it came from indents it. */
const outlineIndent = ({ data }: { data?: IndicatorEntry }) => (data && data.depth > 0 ? { paddingLeft: `${12 + 18 * data.depth}px` } : null);

/**
 * The indicator catalogue (code, names, parent, unit, measure, category, description, source), the measures
 * (口径) figures are published on, and the regions, with how many observations each has.
 */
export function CatalogueView({ version }: { version: number }) {
  const { client, locale, t, describeError } = useApp();
  const [indicators, setIndicators] = useState<IndicatorEntry[] | null>(null);
  const [measures, setMeasures] = useState<MeasureEntry[] | null>(null);
  const [regions, setRegions] = useState<RegionEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([client.call('catalogue.indicators', {}), client.call('catalogue.measures', {}), client.call('catalogue.regions', {})]).then(
      ([i, m, r]) => {
        setIndicators(i);
        setMeasures(m);
        setRegions(r);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [client, describeError, version]);

  const indicatorColumns = useMemo<ColDef<IndicatorEntry>[]>(
    () => [
      { field: 'code', headerName: t('data.catalogue.code'), width: 150 },
      // Listed in outline order (each parent followed by its sub-items), the names indented by depth.
      { field: 'nameZh', headerName: t('data.catalogue.nameZh'), width: 220, cellStyle: outlineIndent },
      { field: 'nameEn', headerName: t('data.catalogue.nameEn'), width: 240, cellStyle: outlineIndent },
      {
        colId: 'parent',
        headerName: t('data.catalogue.parent'),
        width: 180,
        valueGetter: ({ data }) => (data ? (locale === 'en' && data.parentNameEn) || data.parentName : ''),
      },
      // Units, categories and publishers are stored as written; the seeded ones have English names.
      { field: 'unit', headerName: t('col.unit'), width: locale === 'en' ? 130 : 80, valueFormatter: (p) => unitLabel(String(p.value ?? ''), locale) },
      {
        colId: 'measure',
        headerName: t('data.measure'),
        width: 220,
        // The indicator's measure, and any other its figures name, so the catalogue never hides a break.
        valueGetter: ({ data }) => {
          if (!data) return '';
          const own = locale === 'en' ? data.measureNameEn : data.measureName;
          const other = locale === 'en' ? data.otherMeasureNamesEn : data.otherMeasureNames;
          return other ? t('data.catalogue.measureAlso', { measure: own, other }) : own;
        },
        tooltipValueGetter: ({ value }) => String(value ?? ''),
      },
      { field: 'category', headerName: t('data.catalogue.category'), width: locale === 'en' ? 180 : 120, valueFormatter: (p) => seedLabel(String(p.value ?? ''), locale) },
      { field: 'observations', headerName: t('data.catalogue.observations'), width: 100, type: 'rightAligned' },
      {
        colId: 'description',
        headerName: t('data.catalogue.description'),
        flex: 1,
        minWidth: 200,
        valueGetter: ({ data }) => (data ? described(data, locale) : ''),
        tooltipValueGetter: ({ value }) => String(value ?? ''),
      },
      { field: 'source', headerName: t('data.source'), width: 240, tooltipField: 'source' },
    ],
    [t, locale],
  );
  const measureColumns = useMemo<ColDef<MeasureEntry>[]>(
    () => [
      { field: 'code', headerName: t('data.catalogue.code'), width: 120 },
      { field: 'nameZh', headerName: t('data.catalogue.nameZh'), width: 170 },
      { field: 'nameEn', headerName: t('data.catalogue.nameEn'), width: 190 },
      { field: 'publisher', headerName: t('data.catalogue.publisher'), width: 160, valueFormatter: (p) => seedLabel(String(p.value ?? ''), locale), tooltipValueGetter: (p) => String(p.value ?? '') },
      {
        colId: 'description',
        headerName: t('data.catalogue.description'),
        flex: 1,
        minWidth: 260,
        valueGetter: ({ data }) => (data ? described(data, locale) : ''),
        tooltipValueGetter: ({ value }) => String(value ?? ''),
        wrapText: true,
        autoHeight: true,
      },
      { field: 'source', headerName: t('data.source'), width: 260, tooltipField: 'source', wrapText: true, autoHeight: true },
    ],
    [t, locale],
  );
  const kindLabel = useCallback((kind: string) => {
    const key = `data.regionKind.${kind}`;
    const text = t(key);
    return text === key ? kind : text;
  }, [t]);
  const regionColumns = useMemo<ColDef<RegionEntry>[]>(
    () => [
      { field: 'code', headerName: t('data.catalogue.code'), width: 120 },
      { field: 'nameZh', headerName: t('data.catalogue.nameZh'), width: 160 },
      { field: 'nameEn', headerName: t('data.catalogue.nameEn'), width: 180 },
      { field: 'kind', headerName: t('data.catalogue.kind'), width: 140, valueFormatter: (p) => kindLabel(String(p.value)) },
      { field: 'observations', headerName: t('data.catalogue.observations'), width: 100, type: 'rightAligned' },
    ],
    [t, kindLabel],
  );

  if (error) return <p role="alert" className="error">{error}</p>;
  return (
    <div className="catalogue">
      <h2>{t('data.catalogue.indicators')}</h2>
      <DataGrid rows={indicators} columns={indicatorColumns} rowId={(r) => r.code} height={360} testId="indicator-catalogue" />
      <h2>{t('data.catalogue.measures')}</h2>
      <DataGrid rows={measures} columns={measureColumns} rowId={(r) => r.code} height={300} testId="measure-catalogue" />
      <h2>{t('data.catalogue.regions')}</h2>
      <DataGrid rows={regions} columns={regionColumns} rowId={(r) => r.code} height={280} testId="region-catalogue" />
    </div>
  );
}
