import JSZip from 'jszip';
import { Option, type Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../shared/api/errors';
import type { BriefingSummary, ChartSummary } from '../../shared/api/charts-contract';
import type { ExportedFile, JobStatus } from '../../shared/api/jobs-contract';
import { minimumSizeIn, sizePresets, sizeTooSmall, type ChartSize } from '../../shared/charts/spec';
import { translate, type Locale } from '../../shared/i18n';
import type { WorkbenchService } from '../backend/service';
import { writeError } from '../backend/export/errors';
import { DPI_RANGE } from '../backend/export/types';
import { callApi, cliLocale, printJson, withWorkspace } from './context';

function idOf(value: string): number {
  const id = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id <= 0) throw new WorkbenchError('export.badId', { value });
  return id;
}

/** --dpi: a whole number in the range an export accepts, refused here in the user's language rather than by the API's schema. */
function dpiOption(value: string): number {
  const dpi = Number(value);
  if (!/^\d+$/.test(value) || dpi < DPI_RANGE.min || dpi > DPI_RANGE.max) throw new WorkbenchError('export.badDpi', { value, min: DPI_RANGE.min, max: DPI_RANGE.max });
  return dpi;
}

/** A preset name, or WxH in pixels (at --dpi, else 96) or in centimetres (WxHcm). */
export function parseSize(value: string, dpi: number | undefined): ChartSize {
  if ((sizePresets as readonly string[]).includes(value)) return { preset: value as (typeof sizePresets)[number] };
  const m = /^(\d+(?:\.\d+)?)[x×](\d+(?:\.\d+)?)(px|cm)?$/i.exec(value.trim());
  if (!m) throw new WorkbenchError('export.badSize', { value });
  const size: ChartSize = { preset: 'custom', width: Number(m[1]), height: Number(m[2]), unit: m[3]?.toLowerCase() === 'cm' ? 'cm' : 'px', dpi: dpi ?? 96 };
  if (sizeTooSmall(size)) {
    const min = minimumSizeIn(size.unit, size.dpi);
    throw new WorkbenchError('export.sizeTooSmall', { value, width: min.width, height: min.height, unit: size.unit });
  }
  return size;
}

/** The kind of what is at a path, or null when nothing is. */
function kindAt(target: string): 'file' | 'folder' | null {
  try {
    return fs.statSync(target).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw writeError(error, target);
  }
}

/** A folder that exists and takes a new file: a probe is written and removed (a permission check alone misses read-only disks). */
function checkWritable(folder: string): void {
  const kind = kindAt(folder);
  if (kind === null) throw new WorkbenchError('export.noFolder', { path: folder });
  if (kind === 'file') throw new WorkbenchError('export.notFolder', { path: folder });
  const probe = path.join(folder, `.workbench-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, '', { flag: 'wx' });
  } catch (error) {
    throw writeError(error, folder);
  }
  fs.rmSync(probe, { force: true });
}

/**
 * The file `export chart` may write, checked before anything is rendered: its folder exists (it is
 * never created) and is writable, and the file is new unless --force.
 */
function checkChartOut(file: string, force: boolean | undefined): void {
  const kind = kindAt(file);
  if (kind === 'folder') throw new WorkbenchError('export.outIsFolder', { path: file });
  if (kind === 'file' && !force) throw new WorkbenchError('export.fileExists', { path: file });
  checkWritable(path.dirname(file));
}

/**
 * The pack folder of `export briefing`, made ready before anything is rendered: created when missing
 * (in a folder that exists), else empty unless --force, and writable. Says whether it was created.
 */
function preparePackDir(dir: string, force: boolean | undefined): boolean {
  const kind = kindAt(dir);
  if (kind === 'file') throw new WorkbenchError('export.outIsFile', { path: dir });
  if (kind === 'folder') {
    if (!force && fs.readdirSync(dir).length) throw new WorkbenchError('export.dirNotEmpty', { path: dir });
    checkWritable(dir);
    return false;
  }
  checkWritable(path.dirname(dir));
  try {
    fs.mkdirSync(dir);
  } catch (error) {
    throw writeError(error, dir);
  }
  return true;
}

function writeOut(file: string, bytes: Buffer, flag: 'w' | 'wx'): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes, { flag });
  } catch (error) {
    throw writeError(error, file);
  }
}

/**
 * Progress of a job: one rewritten line on a terminal, a plain line per step otherwise. The service
 * zips a pack to hand it over; the command writes a folder, so that step is not called a ZIP here.
 */
function progressPrinter(locale: Locale): { show(status: JobStatus): void; end(): void } {
  const tty = process.stderr.isTTY;
  let lastStep = '';
  return {
    show(status) {
      const text = `${translate(locale, status.step === 'job.step.zip' ? 'job.step.folder' : status.step)} ${status.done}/${status.total}`;
      if (tty) process.stderr.write(`\r${text}\u001b[K`);
      else if (status.step !== lastStep) process.stderr.write(`${text}\n`);
      lastStep = status.step;
    },
    end() {
      if (tty) process.stderr.write('\r\u001b[K');
    },
  };
}

async function followJob(service: WorkbenchService, started: JobStatus, locale: Locale): Promise<ExportedFile> {
  const printer = progressPrinter(locale);
  let status = started;
  const interrupt = () => void callApi(service, 'jobs.cancel', { id: started.id }).catch(() => undefined);
  process.once('SIGINT', interrupt);
  try {
    while (status.state === 'running') {
      printer.show(status);
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await callApi<JobStatus>(service, 'jobs.get', { id: started.id });
    }
  } finally {
    process.removeListener('SIGINT', interrupt);
    printer.end();
  }
  if (status.state === 'failed' && status.error) throw new WorkbenchError(status.error.code, status.error.params);
  if (status.state === 'cancelled') throw new WorkbenchError('export.cancelled', {});
  return callApi<ExportedFile>(service, 'jobs.file', { id: started.id });
}

export function addChartCommands(program: Command): void {
  const charts = program.command('charts').description('saved briefing charts');
  charts
    .command('list')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((opts: { workspace?: string; json?: boolean }) =>
      withWorkspace(opts.workspace, async (service) => {
        const list = await callApi<ChartSummary[]>(service, 'charts.list', {});
        if (opts.json) printJson(list);
        else if (!list.length) console.log(translate(cliLocale(program), 'export.listEmpty'));
        else for (const c of list) console.log(`${String(c.id).padStart(4)}  ${c.template.padEnd(22)}  ${c.name}`);
      }),
    );

  const briefings = program.command('briefings').description('briefing packs of saved charts');
  briefings
    .command('list')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((opts: { workspace?: string; json?: boolean }) =>
      withWorkspace(opts.workspace, async (service) => {
        const list = await callApi<BriefingSummary[]>(service, 'briefings.list', {});
        if (opts.json) printJson(list);
        else if (!list.length) console.log(translate(cliLocale(program), 'export.listEmpty'));
        else for (const b of list) console.log(`${String(b.id).padStart(4)}  ${b.name}  (${b.charts})`);
      }),
    );

  const exporting = program.command('export').description('render saved charts and briefing packs to files');
  exporting
    .command('chart <id>')
    .description('one saved chart to one PNG, SVG, PDF or PPTX file')
    .addOption(new Option('--format <format>', 'file format').choices(['png', 'svg', 'pdf', 'pptx']).makeOptionMandatory())
    .requiredOption('--out <file>', 'file to write, in a folder that exists')
    .option('--dpi <n>', `PNG resolution, ${DPI_RANGE.min}-${DPI_RANGE.max} (default: the size preset’s)`, dpiOption)
    .option('--size <size>', `${sizePresets.join(', ')}, or WxH in px (1920x1080) or cm (17x12cm)`)
    .addOption(new Option('--background <background>', 'PNG/SVG background').choices(['white', 'transparent']))
    .option('--force', 'overwrite --out when it exists')
    .option('--workspace <file>', 'workspace file')
    .action(
      (id: string, opts: { format: string; out: string; dpi?: number; size?: string; background?: string; force?: boolean; workspace?: string }) => {
        const locale = cliLocale(program);
        const chartId = idOf(id);
        const out = path.resolve(opts.out);
        checkChartOut(out, opts.force);
        const size = opts.size === undefined ? undefined : parseSize(opts.size, opts.dpi);
        return withWorkspace(opts.workspace, async (service) => {
          const file = await callApi<ExportedFile>(service, 'export.chart', {
            id: chartId,
            format: opts.format,
            ...(opts.dpi === undefined ? {} : { dpi: opts.dpi }),
            ...(opts.background === undefined ? {} : { background: opts.background }),
            ...(size === undefined ? {} : { size }),
          });
          writeOut(out, Buffer.from(file.base64, 'base64'), opts.force ? 'w' : 'wx');
          console.log(translate(locale, 'export.written', { path: out }));
        });
      },
    );

  exporting
    .command('briefing <id>')
    .description('a briefing pack into a folder: PPTX, PDF, data workbook, and PNG/SVG/CSV per chart')
    .requiredOption('--out <dir>', 'folder to write the pack into: new (created, in a folder that exists) or empty')
    .option('--dpi <n>', `PNG resolution, ${DPI_RANGE.min}-${DPI_RANGE.max} (default 300)`, dpiOption)
    .option('--force', 'write into --out even when it holds files (files of the same name are replaced)')
    .option('--workspace <file>', 'workspace file')
    .action((id: string, opts: { out: string; dpi?: number; force?: boolean; workspace?: string }) => {
      const locale = cliLocale(program);
      const briefingId = idOf(id);
      const dir = path.resolve(opts.out);
      return withWorkspace(opts.workspace, async (service) => {
        const created = preparePackDir(dir, opts.force);
        try {
          const started = await callApi<JobStatus>(service, 'export.briefing', { id: briefingId, ...(opts.dpi === undefined ? {} : { dpi: opts.dpi }) });
          const file = await followJob(service, started, locale);
          const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
          const entries = Object.values(zip.files).filter((entry) => !entry.dir);
          for (const entry of entries) writeOut(path.join(dir, entry.name), await entry.async('nodebuffer'), 'w');
          console.log(translate(locale, created ? 'export.packWrittenNew' : 'export.packWritten', { dir, count: entries.length }));
        } catch (error) {
          // A failed export leaves nothing behind: the folder it created goes with what it wrote.
          if (created) fs.rmSync(dir, { recursive: true, force: true });
          throw error;
        }
      });
    });
}
