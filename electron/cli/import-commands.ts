import type { Command } from 'commander';
import { unitLabel } from '../../shared/format/unit-name';
import { translate, type Locale } from '../../shared/i18n';
import { seedLabel } from '../../shared/i18n/seed-labels';
import { releaseDateText } from '../../shared/format/release';
import { boundSign } from '../../shared/series/bound';
import { knownFrom } from '../../shared/series/vintage';
import { listIndicatorCatalogue } from '../backend/data/indicator-catalogue';
import { checkVintage } from '../backend/data/observation-view';
import { queryObservations, type GridRow } from '../backend/data/observations-query';
import { writeObservationsExport } from '../backend/data/observations-export';
import { commitImport } from '../backend/import/commit';
import { previewImport } from '../backend/import/preview';
import { listImports, undoImport } from '../backend/import/history';
import { checkMeasure } from '../backend/series/figures';
import type { ConflictPolicy, FixedValues, ImportOptions, ImportPreview, ImportProgress, Mapping, Problem } from '../backend/import/types';
import { importProvenance } from '../../shared/format/import-provenance';
import { cliLocale, printJson, withWorkspace } from './context';

/** "file, sheet, row, column: why" in the user's language. */
export function describeProblem(problem: Problem, locale: Locale): string {
  const where = [
    problem.file,
    problem.sheet ? (locale === 'zh' ? `工作表“${problem.sheet}”` : `sheet "${problem.sheet}"`) : null,
    problem.row === null ? null : locale === 'zh' ? `第${problem.row}行` : `row ${problem.row}`,
    problem.column === null ? null : locale === 'zh' ? `第${problem.column}列` : `column ${problem.column}`,
  ].filter(Boolean);
  return `${where.join(', ')}: ${translate(locale, problem.code, problem.params)}`;
}

function progressBar(p: ImportProgress): void {
  if (!process.stderr.isTTY) return;
  process.stderr.write(`\r${p.phase} ${p.percent.toFixed(0).padStart(3)}%  ${p.rows.toLocaleString('en-US')} rows  ${Math.round(p.rate).toLocaleString('en-US')}/s   `);
}

/** A dry run: what the import would read (layout, mapping, measure), count and write, and its problems, nothing written. */
function printPreview(preview: ImportPreview, locale: Locale, json: boolean): void {
  const messages = preview.problems.map((p) => describeProblem(p, locale));
  if (json) {
    printJson({ ...preview, messages });
    return;
  }
  const { layout, mapping } = preview;
  const t = (key: string) => translate(locale, key);
  const sep = locale === 'zh' ? '，' : ', ';
  const roles = mapping.columns.filter((c) => c.role !== 'ignore').map((c) => `${c.header || `#${c.column}`}→${t(`data.role.${c.role}`)}`).join(sep);
  const fixed = Object.entries(mapping.fixed)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${t(`data.role.${k}`)}=${k === 'status' ? t(`status.${v}`) : v}`)
    .join(sep);
  const zh = locale === 'zh';
  const format = preview.file.format === 'xls' || preview.file.format === 'html' ? t(`import.format.${preview.file.format}`) : preview.file.format;
  const what = [preview.file.name, format, preview.encoding?.name, preview.sheet ? (zh ? `工作表“${preview.sheet}”` : `sheet "${preview.sheet}"`) : null].filter(Boolean).join(sep);
  console.log(zh ? `试读（未写入）：${what}` : `Dry run (nothing written): ${what}`);
  console.log(zh ? `结构：${t(`data.layout.${layout.kind}`)}（把握 ${Math.round(layout.confidence * 100)}%），表头第 ${preview.headerRow} 行；列：${roles}${fixed ? `；固定值：${fixed}` : ''}` : `Layout: ${t(`data.layout.${layout.kind}`)} (${Math.round(layout.confidence * 100)}% sure), header row ${preview.headerRow}; columns: ${roles}${fixed ? `; fixed: ${fixed}` : ''}`);
  console.log(
    zh
      ? `读 ${preview.rowsRead} 行，得到 ${preview.observations} 个观测值；有错 ${preview.badObservations} 个；与工作区冲突 ${preview.conflicts} 个（其中 ${preview.conflictsIdentical} 个数值相同）；文件内重复 ${preview.duplicatesInFile} 个`
      : `${preview.rowsRead} rows read, ${preview.observations} observations; ${preview.badObservations} with errors; ${preview.conflicts} conflicts with the workspace (${preview.conflictsIdentical} identical); ${preview.duplicatesInFile} duplicates in the file`,
  );
  if (preview.blankCells > 0) console.log(translate(locale, 'data.import.blankCells', { count: preview.blankCells }));
  if (preview.totalRows > 0) console.log(translate(locale, 'import.totals.skipped', { count: preview.totalRows }));
  for (const d of preview.detected) {
    const value = d.field === 'status' ? t(`status.${d.value}`) : d.value;
    console.log(`${t(`data.fixed.${d.field}`)}${zh ? '：' : ': '}${value}${zh ? '（' : ' ('}${t(`import.detected.${d.from}`)}${zh ? '，' : ', '}${translate(locale, 'import.detected.where', { row: d.row, text: d.text })}${zh ? '）' : ')'}`);
  }
  if (preview.newIndicators.length) console.log(zh ? `新指标：${preview.newIndicators.join('、')}` : `New indicators: ${preview.newIndicators.join(', ')}`);
  if (preview.newRegions.length) console.log(zh ? `新地区：${preview.newRegions.join('、')}` : `New regions: ${preview.newRegions.join(', ')}`);
  if (preview.newParents.length) {
    const items = preview.newParents.map((p) => `${p.name}${translate(locale, 'data.preview.parentOf', { parent: p.parent })}`).join(zh ? '、' : '; ');
    console.log(translate(locale, 'data.preview.newParents', { items }));
  }
  for (const line of messages) console.error(line);
  if (preview.problemCount > preview.problems.length) {
    console.error(zh ? `另有 ${preview.problemCount - preview.problems.length} 处问题未列出。` : `${preview.problemCount - preview.problems.length} more problems not listed.`);
  }
}

/** The header of `observations`' table, in the CLI's language. */
function observationColumns(locale: Locale): string[] {
  return ['data.indicator', 'data.region', 'data.period', 'data.value', 'col.unit', 'data.bound', 'data.measure', 'data.status', 'data.releases.date', 'data.releases.label'].map((key) =>
    translate(locale, key),
  );
}

/**
 * One observation as a line of the table: names, not codes (地区生产总值, 重庆, 统计部门常规口径; `--json` keeps
 * the codes), the value with its bound's sign (≥10000 is not 10000) and the bound in words.
 */
function observationLine(r: GridRow, locale: Locale): string[] {
  const name = (zh: string, en: string) => (locale === 'en' && en ? en : zh);
  return [
    name(r.indicatorName, r.indicatorNameEn),
    name(r.regionName, r.regionNameEn),
    r.period,
    r.value === null ? '—' : `${boundSign(r.bound)}${r.value}`,
    unitLabel(r.unit, locale),
    translate(locale, `data.bound.${r.bound}`),
    name(r.measureName, r.measureNameEn) || '—',
    translate(locale, `status.${r.status}`),
    releaseDateText(r.released, r.year, locale),
    seedLabel(r.releaseLabel, locale) || '—',
  ];
}

export function addImportCommands(program: Command): void {
  program
    .command('import <file>')
    .description('import a CSV, TSV, XLSX or XLS file (a web-page table saved as .xls too) as one transaction; exit 1 with located problems and nothing written')
    .option('--sheet <name>', 'XLSX sheet')
    .option('--encoding <e>', 'utf-8, gbk, gb18030, utf-16le (default: detected)')
    .option('--layout <layout>', 'auto, long or wide', 'auto')
    .option('--mapping <json>', 'column mapping as JSON (as shown by a preview)')
    .option('--on-conflict <policy>', 'replace, keep, fail or revise (a differing value becomes the latest release, the old one kept as an earlier release; needs --released)', 'fail')
    .option('--measure <code>', 'measure (口径) of the rows written, e.g. caict-broad; a row\'s own 口径 column wins, and it wins over a 口径：… note row (default: the note row\'s, else each indicator\'s)')
    .option('--released <date>', 'release date of the figures in the file, YYYY-MM-DD')
    .option('--release-label <text>', 'release label, e.g. 初步核算 or 第四次经济普查修订')
    .option('--region <name>', 'the region of every row of a file without a region column (a code or name, e.g. 重庆)')
    .option('--indicator <name>', 'the indicator of every row of a file without an indicator column (a code or name)')
    .option('--unit <unit>', 'the unit of the values of a file without a unit column or header, e.g. 亿元')
    .option('--keep-totals', 'import total rows (合计, 总计, 小计, 全市 …) that equal the sum of the rows they total, as rows of their own (default: left out)')
    .option('--skip-bad-rows', 'skip rows with errors instead of rejecting the import')
    .option('--allow-duplicate', 'import a file that was imported before')
    .option('--dry-run', 'preview only: what the import would read and write, nothing written')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable summary (with --dry-run: the preview)')
    .action(
      (
        file: string,
        opts: {
          sheet?: string;
          encoding?: string;
          layout: string;
          mapping?: string;
          onConflict: string;
          measure?: string;
          released?: string;
          releaseLabel?: string;
          region?: string;
          indicator?: string;
          unit?: string;
          keepTotals?: boolean;
          skipBadRows?: boolean;
          allowDuplicate?: boolean;
          dryRun?: boolean;
          workspace?: string;
          json?: boolean;
        },
      ) =>
        withWorkspace(opts.workspace, async (service) => {
          const locale = cliLocale(program);
          if (!['replace', 'keep', 'fail', 'revise'].includes(opts.onConflict)) throw new Error(`--on-conflict: ${opts.onConflict}`);
          if (!['auto', 'long', 'wide'].includes(opts.layout)) throw new Error(`--layout: ${opts.layout}`);
          const controller = new AbortController();
          process.once('SIGINT', () => controller.abort());
          const options: ImportOptions = {
            ...(opts.sheet ? { sheet: opts.sheet } : {}),
            ...(opts.encoding ? { encoding: opts.encoding as never } : {}),
            ...(opts.layout === 'long' || opts.layout === 'wide' ? { layout: opts.layout } : {}),
            ...(opts.mapping ? { mapping: JSON.parse(opts.mapping) as Mapping } : {}),
            ...(opts.measure !== undefined ? { measure: opts.measure } : {}),
            ...(opts.keepTotals ? { totals: 'keep' as const } : {}),
          };
          const fixed: FixedValues = {
            ...(opts.region !== undefined ? { region: opts.region } : {}),
            ...(opts.indicator !== undefined ? { indicator: opts.indicator } : {}),
            ...(opts.unit !== undefined ? { unit: opts.unit } : {}),
          };
          // A fixed value is part of the mapping: start from the one given, else the one detected.
          if (Object.keys(fixed).length) {
            const base = options.mapping ?? (await previewImport(service.db, file, options, { signal: controller.signal })).mapping;
            options.mapping = { ...base, fixed: { ...base.fixed, ...fixed } };
          }
          if (opts.dryRun) {
            const preview = await previewImport(service.db, file, options, { onProgress: progressBar, signal: controller.signal });
            if (process.stderr.isTTY) process.stderr.write('\n');
            printPreview(preview, locale, Boolean(opts.json));
            if (preview.errorCount > 0) process.exitCode = 1;
            return;
          }
          const summary = await commitImport(
            service.db,
            file,
            {
              ...options,
              onConflict: opts.onConflict as ConflictPolicy,
              skipBadRows: Boolean(opts.skipBadRows),
              allowDuplicate: Boolean(opts.allowDuplicate),
              ...(opts.released !== undefined ? { released: opts.released } : {}),
              ...(opts.releaseLabel !== undefined ? { releaseLabel: opts.releaseLabel } : {}),
            },
            { onProgress: progressBar, signal: controller.signal },
          );
          if (process.stderr.isTTY) process.stderr.write('\n');
          const messages = summary.problems.map((p) => describeProblem(p, locale));
          if (opts.json) printJson({ ...summary, messages });
          else if (summary.status === 'committed') {
            const revise = opts.onConflict === 'revise';
            console.log(
              locale === 'zh'
                ? revise
                  ? `已导入 #${summary.importId}：写入 ${summary.rowsWritten} 行，修订 ${summary.rowsReplaced} 行（原值保留为较早的发布），${summary.rowsUnchanged} 行数值相同未改，跳过 ${summary.rowsSkipped} 行。`
                  : `已导入 #${summary.importId}：写入 ${summary.rowsWritten} 行，替换 ${summary.rowsReplaced} 行，保留 ${summary.rowsKept} 行，跳过 ${summary.rowsSkipped} 行。`
                : revise
                  ? `Imported #${summary.importId}: ${summary.rowsWritten} rows written, ${summary.rowsReplaced} revised (the values held kept as earlier releases), ${summary.rowsUnchanged} unchanged, ${summary.rowsSkipped} skipped.`
                  : `Imported #${summary.importId}: ${summary.rowsWritten} rows written, ${summary.rowsReplaced} replaced, ${summary.rowsKept} kept, ${summary.rowsSkipped} skipped.`,
            );
            if (summary.blankCells > 0) console.log(translate(locale, 'data.import.blankCells', { count: summary.blankCells }));
            if (summary.totalRows > 0) console.log(translate(locale, 'import.totals.skipped', { count: summary.totalRows }));
          }
          if (summary.status !== 'committed' || summary.problems.length) {
            for (const line of messages) console.error(line);
            if (summary.problemCount > summary.problems.length) {
              console.error(locale === 'zh' ? `另有 ${summary.problemCount - summary.problems.length} 处问题未列出。` : `${summary.problemCount - summary.problems.length} more problems not listed.`);
            }
          }
          if (summary.status !== 'committed') process.exitCode = 1;
        }),
    );

  const imports = program.command('imports').description('import history: list, undo');
  imports
    .command('list')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((opts: { workspace?: string; json?: boolean }) =>
      withWorkspace(opts.workspace, (service) => {
        const list = listImports(service.db);
        if (opts.json) printJson(list);
        else {
          const locale = cliLocale(program);
          const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
          // As the Data page's 导入记录 says it: the counts, the format and layout by name, provenance, undone.
          for (const r of list) {
            const counts = t(r.onConflict === 'revise' ? 'data.history.countsRevise' : 'data.history.counts', { read: r.rowsRead, written: r.rowsWritten, skipped: r.rowsSkipped, replaced: r.rowsReplaced });
            const format = [r.encoding, r.sheet, r.layout ? t(`data.layout.${r.layout}`) : ''].filter(Boolean).join(' · ');
            const what = importProvenance(r, locale, t);
            const undone = r.undoneAt ? t('data.history.undoneAt', { at: r.undoneAt.slice(0, 16).replace('T', ' ') }) : '';
            console.log([String(r.id).padStart(4), r.importedAt.slice(0, 19).replace('T', ' '), r.fileName, counts, format, what, undone].filter(Boolean).join('  '));
          }
        }
      }),
    );
  imports
    .command('undo <id>')
    .description('remove exactly the rows an import wrote and restore the rows it replaced')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((id: string, opts: { workspace?: string; json?: boolean }) =>
      withWorkspace(opts.workspace, (service) => {
        const result = undoImport(service.db, Number(id));
        if (opts.json) printJson(result);
        else {
          const locale = cliLocale(program);
          console.log(translate(locale, 'data.history.undone', { id: result.importId, deleted: result.rowsDeleted, restored: result.rowsRestored }));
          const names = (entries: typeof result.removedIndicators) => entries.map((e) => (locale === 'en' && e.nameEn) || e.nameZh).join(locale === 'en' ? ', ' : '、');
          if (result.removedIndicators.length) console.log(translate(locale, 'data.history.removedIndicators', { names: names(result.removedIndicators) }));
          if (result.removedRegions.length) console.log(translate(locale, 'data.history.removedRegions', { names: names(result.removedRegions) }));
        }
      }),
    );

  program
    .command('catalogue')
    .description("the workspace's indicators: names, parent (上级指标: a yearbook's indented sub-item), unit, measure, figures; sub-items indented under their parent")
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output (codes, parent code and names, depth)')
    .action((opts: { workspace?: string; json?: boolean }) =>
      withWorkspace(opts.workspace, (service) => {
        const entries = listIndicatorCatalogue(service.db);
        if (opts.json) {
          printJson(entries);
          return;
        }
        const locale = cliLocale(program);
        const name = (zh: string, en: string) => (locale === 'en' && en ? en : zh);
        console.log(['data.indicator', 'data.catalogue.parent', 'col.unit', 'data.measure', 'data.catalogue.observations'].map((key) => translate(locale, key)).join('\t'));
        for (const e of entries) {
          console.log(
            [`${'  '.repeat(e.depth)}${name(e.nameZh, e.nameEn)}`, name(e.parentName, e.parentNameEn) || '—', unitLabel(e.unit, locale) || '—', name(e.measureName, e.measureNameEn) || '—', String(e.observations)].join('\t'),
          );
        }
      }),
    );

  /** Rows asked of the observations query at a time. */
  const CLI_PAGE = 5000;
  program
    .command('observations')
    .description('observations of the workspace, filtered, as a table, JSON or CSV: each once, in its latest release (or as known on --vintage), with its measure and bound')
    .option('--indicator <code>', 'indicator code')
    .option('--region <code>', 'region code')
    .option('--import <id>', 'import id')
    .option('--measure <code>', 'measure (口径) code, e.g. caict-broad')
    .option('--vintage <date>', 'the data as known on this date (YYYY-MM-DD): earlier releases of later revisions, nothing released after it')
    .option('--out <file>', 'with --csv: write to this file (UTF-8 with BOM)')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'JSON records')
    .option('--csv', 'CSV')
    .action((opts: { indicator?: string; region?: string; import?: string; measure?: string; vintage?: string; out?: string; workspace?: string; json?: boolean; csv?: boolean }) =>
      withWorkspace(opts.workspace, async (service) => {
        const locale = cliLocale(program);
        const vintage = checkVintage(opts.vintage);
        const filterModel: Record<string, unknown> = {};
        if (opts.indicator) filterModel.indicator = { filterType: 'set-values', values: [opts.indicator] };
        if (opts.region) filterModel.region = { filterType: 'set-values', values: [opts.region] };
        if (opts.import) filterModel.importId = { filterType: 'set-values', values: [Number(opts.import)] };
        if (opts.measure) {
          // A mistyped code would list nothing, which reads as "no figures on that measure".
          checkMeasure(service.db, opts.measure);
          filterModel.measure = { filterType: 'set-values', values: [opts.measure] };
        }
        const sortModel = [
          { colId: 'indicator', sort: 'asc' as const },
          { colId: 'region', sort: 'asc' as const },
          { colId: 'period', sort: 'asc' as const },
        ];
        if (opts.csv) {
          const target = opts.out ?? '/dev/stdout';
          await writeObservationsExport(service.db, { format: 'csv', filterModel: filterModel as never, sortModel, vintage, locale }, target);
          return;
        }
        // Page by page (a query answers at most a few thousand rows), written as they come: a million
        // rows never sit in memory at once.
        const out = (text: string) => process.stdout.write(text);
        let written = 0;
        if (opts.json) out('[');
        else out(`${observationColumns(locale).join('\t')}\n`);
        for (;;) {
          const { rows, lastRow } = queryObservations(service.db, { startRow: written, endRow: written + CLI_PAGE, sortModel, filterModel, vintage } as never);
          for (const r of rows) {
            if (opts.json) {
              const record = {
                indicator: r.indicator,
                indicatorName: r.indicatorName,
                indicatorNameEn: r.indicatorNameEn,
                region: r.region,
                regionName: r.regionName,
                regionNameEn: r.regionNameEn,
                period: r.period,
                value: r.value,
                unit: r.unit,
                bound: r.bound,
                measure: r.measure,
                status: r.status,
                released: r.released,
                // When the figure counts as known: its release date, or for an undated release the first day after its year.
                knownFrom: knownFrom(r.released, r.year),
                releaseLabel: r.releaseLabel,
                revisions: r.revisions,
                importId: r.importId,
                source: r.source,
              };
              out(`${written > 0 ? ',' : ''}\n  ${JSON.stringify(record)}`);
            } else out(`${observationLine(r, locale).join('\t')}\n`);
            written++;
          }
          if (rows.length === 0 || written >= lastRow) break;
        }
        if (opts.json) out(written > 0 ? '\n]\n' : ']\n');
      }),
    );
}
