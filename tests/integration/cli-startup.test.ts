// Start-up of the `workbench` command (issue #16): it runs the bundle in dist-cli/, commands that do
// not export never load the export stack or Excel, an export keeps its font work on disk for the next
// process, and a bundle older than its sources is rebuilt with a one-line notice instead of running
// stale.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

// ECharts is bundled into the export chunk (dist-cli), so the packages the export stack loads from
// node_modules beside it stand for it: the font tools, PDFKit, PptxGenJS, resvg; and ExcelJS.
const heavy = ['pdfkit', 'pptxgenjs', 'exceljs', '@resvg/resvg-js', 'subset-font', 'fontkit', 'svg-to-pdfkit'];
const traceHook = path.join(repoRoot, 'tests', 'helpers', 'trace-loads.mjs');

/** Runs the real command with a module-load trace; returns its exit, output and the packages it loaded. */
function traced(args: string[], dataDir: string, fontCache = path.join(dataDir, 'font-cache')) {
  const trace = path.join(dataDir, `trace-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(trace, '');
  const result = spawnSync(process.execPath, ['--import', traceHook, cliPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, WORKBENCH_DATA_DIR: dataDir, WORKBENCH_TRACE_LOADS: trace, WORKBENCH_FONT_CACHE: fontCache },
    timeout: 60_000,
  });
  const urls = fs.readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  const packages = new Set(urls.flatMap((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.slice(1) ?? []));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, packages, urls };
}

describe('workbench start-up', () => {
  const dataDir = tempDir();

  it.each([[['--version']], [['--help']], [['info']], [['check']], [['targets', 'list']], [['scenario', 'run', '1']]])(
    'runs %j from the bundle without loading the export stack',
    (args) => {
      const run = traced(args, dataDir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.urls.some((u) => u.includes('/dist-cli/workbench.mjs'))).toBe(true);
      expect(run.urls.some((u) => u.endsWith('.ts'))).toBe(false);
      expect(heavy.filter((p) => run.packages.has(p))).toEqual([]);
    },
  );

  it('loads the renderer a chart export needs, and only that one', () => {
    const out = path.join(dataDir, 'chart.svg');
    const run = traced(['export', 'chart', '1', '--format', 'svg', '--out', out], dataDir);
    expect(run.status, run.stderr).toBe(0);
    // The font work of a first export (this data dir's font cache is empty).
    expect(run.packages.has('subset-font')).toBe(true);
    // An SVG or a PNG needs no PDF, PowerPoint or Excel writer.
    for (const other of ['pdfkit', 'pptxgenjs', 'exceljs']) expect(run.packages.has(other), other).toBe(false);
    expect(fs.readFileSync(out, 'utf8')).toContain('<svg');
    const pdf = traced(['export', 'chart', '1', '--format', 'pdf', '--out', path.join(dataDir, 'chart.pdf')], dataDir);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(pdf.packages.has('pdfkit')).toBe(true);
  });

  it('keeps the font work of an export on disk: the next process subsets nothing and writes the same bytes', () => {
    const fontCache = path.join(dataDir, 'png-font-cache');
    const [first, second] = ['first.png', 'second.png'].map((name) => {
      const out = path.join(dataDir, name);
      const run = traced(['export', 'chart', '1', '--format', 'png', '--out', out], dataDir, fontCache);
      expect(run.status, run.stderr).toBe(0);
      return { run, png: fs.readFileSync(out) };
    });
    expect(first!.run.packages.has('subset-font')).toBe(true);
    expect(fs.readdirSync(fontCache).filter((f) => f.endsWith('.font'))).toHaveLength(1);
    expect(second!.run.packages.has('subset-font')).toBe(false);
    expect(second!.png.equals(first!.png)).toBe(true);
  });

  it('rebuilds a bundle older than its sources, saying so in one line, and then runs it', () => {
    const manifest = path.join(repoRoot, 'dist-cli', 'inputs.json');
    const built = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { builtAt: number; inputs: string[] };
    fs.writeFileSync(manifest, JSON.stringify({ ...built, builtAt: 0 }));
    const run = spawnSync(process.execPath, [cliPath, '--version'], { encoding: 'utf8', env: { ...process.env, WORKBENCH_DATA_DIR: dataDir }, timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/changed since the last build; rebuilding dist-cli/)]);
    const rebuilt = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { builtAt: number; inputs: string[] };
    expect(rebuilt.builtAt).toBeGreaterThan(0);
    expect(rebuilt.inputs).toContain('electron/cli/main.ts');
  });
});
