// The chart and export commands as a user runs them: a separate process on its own data folder,
// files written and read back, refusals with exit code 1 and a message in the CLI's language.
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePng } from '../export/support';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let dataDir: string;
let out: string;
let charts: Array<{ id: number; name: string; template: string }>;

beforeAll(() => {
  dataDir = tempDir();
  out = tempDir('wb-cli-out-');
  const listed = runCli(['charts', 'list', '--json'], dataDir);
  expect(listed.status, listed.stderr).toBe(0);
  charts = JSON.parse(listed.stdout);
});

const idOf = (template: string) => String(charts.find((c) => c.template === template)!.id);

describe('workbench charts and briefings', () => {
  it('lists the starter charts and briefing as JSON and as text', () => {
    expect(charts).toHaveLength(9);
    expect(charts[0]).toMatchObject({ name: '数字经济规模与万亿目标', template: 'target-trajectory' });
    const briefings = runCli(['briefings', 'list', '--json'], dataDir);
    expect(briefings.status).toBe(0);
    expect(JSON.parse(briefings.stdout)).toEqual([expect.objectContaining({ name: '示例简报', charts: 9 })]);
    const text = runCli(['briefings', 'list'], dataDir);
    expect(text.stdout).toMatch(/^\s+1 {2}示例简报 {2}\(9\)$/m);
  });
});

describe('workbench export', () => {
  it('writes a chart as PNG at the DPI asked, refuses to overwrite it without --force', () => {
    const file = path.join(out, 'regional.png');
    const first = runCli(['export', 'chart', idOf('regional-comparison'), '--format', 'png', '--dpi', '192', '--out', file], dataDir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`已写入 ${file}`);
    const png = decodePng(fs.readFileSync(file));
    expect([png.width, png.height]).toEqual([1920, 1080]);

    const before = fs.statSync(file).mtimeMs;
    const again = runCli(['--lang', 'en', 'export', 'chart', idOf('regional-comparison'), '--format', 'png', '--dpi', '96', '--out', file], dataDir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`${file} exists: add --force to overwrite it`);
    expect(fs.statSync(file).mtimeMs).toBe(before);

    const forced = runCli(['export', 'chart', idOf('regional-comparison'), '--format', 'png', '--dpi', '96', '--out', file, '--force'], dataDir);
    expect(forced.status, forced.stderr).toBe(0);
    expect(decodePng(fs.readFileSync(file)).width).toBe(960);
  });

  it('writes SVG at a size in centimetres', () => {
    const file = path.join(out, 'share.svg');
    const result = runCli(['export', 'chart', idOf('share-of-gdp'), '--format', 'svg', '--size', '17x12cm', '--out', file], dataDir);
    expect(result.status, result.stderr).toBe(0);
    const svg = fs.readFileSync(file, 'utf8');
    expect(svg).toContain('<title>数字经济占GDP比重：重庆与全国</title>');
    expect(svg).toMatch(/<svg width="642\.52" height="453\.54"/);
  });

  it('writes a briefing pack into a folder, and refuses a folder that holds files', async () => {
    const dir = path.join(out, 'pack');
    const result = runCli(['export', 'briefing', '1', '--out', dir, '--dpi', '96'], dataDir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`已新建文件夹 ${dir}，写入简报包（30 个文件）`);
    // Progress on stderr, step by step (SVGs and PNGs are made together, so which one is printed depends on timing).
    expect(result.stderr).toMatch(/生成(SVG|PNG) \d+\/\d+/);
    // The pack is a folder: no step says ZIP.
    expect(result.stderr).not.toContain('ZIP');
    expect(fs.readdirSync(dir).sort()).toEqual(['charts', '示例简报-data.xlsx', '示例简报.pdf', '示例简报.pptx']);
    expect(fs.readdirSync(path.join(dir, 'charts')).filter((f) => f.endsWith('.png'))).toHaveLength(9);
    const pptx = await JSZip.loadAsync(fs.readFileSync(path.join(dir, '示例简报.pptx')));
    expect(Object.keys(pptx.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(9);

    const refused = runCli(['export', 'briefing', '1', '--out', dir], dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('中已有文件');
  });

  it('exits 1 with a message in the CLI language for a bad id, a missing chart and a missing font', () => {
    const missing = runCli(['export', 'chart', '999', '--format', 'svg', '--out', path.join(out, 'x.svg')], dataDir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('找不到图表 999');
    const english = runCli(['--lang', 'en', 'export', 'briefing', 'abc', '--out', path.join(out, 'y')], dataDir);
    expect(english.status).toBe(1);
    expect(english.stderr).toContain('ID abc is not valid');
    const font = runCli(['--lang', 'en', 'export', 'chart', idOf('tornado'), '--format', 'png', '--out', path.join(out, 'z.png')], dataDir, {
      WORKBENCH_CJK_FONT: path.join(out, 'no-such-font.ttc'),
    });
    expect(font.status).toBe(1);
    expect(font.stderr).toContain('No Chinese font found (tried');
    expect(fs.existsSync(path.join(out, 'z.png'))).toBe(false);
  });

  it('refuses, in the CLI language and before rendering, a DPI out of range and an --out that cannot be written', () => {
    const png = path.join(out, 'refused.png');
    const dpi = runCli(['export', 'chart', idOf('share-of-gdp'), '--format', 'png', '--dpi', '5000', '--out', png], dataDir);
    expect(dpi.status).toBe(1);
    expect(dpi.stderr).toContain('--dpi 5000 无效：DPI 须为 96 到 600 之间的整数');
    expect(dpi.stderr).not.toMatch(/Too big|expected/);
    expect(runCli(['--lang', 'en', 'export', 'briefing', '1', '--dpi', '50', '--out', path.join(out, 'p')], dataDir).stderr).toContain('--dpi 50 is not valid: DPI must be a whole number from 96 to 600');
    const small = runCli(['export', 'chart', idOf('share-of-gdp'), '--format', 'png', '--size', '200x120', '--out', png], dataDir);
    expect(small.status).toBe(1);
    expect(small.stderr).toContain('--size 200x120 太小：图表至少需 240×160px');
    expect(fs.existsSync(png)).toBe(false);

    // A chart goes into a folder that exists: a missing one is named, never created.
    const missing = path.join(out, 'no-such-folder');
    const noFolder = runCli(['export', 'chart', idOf('share-of-gdp'), '--format', 'svg', '--out', path.join(missing, 'a.svg')], dataDir);
    expect(noFolder.status).toBe(1);
    expect(noFolder.stderr).toContain(`文件夹 ${missing} 不存在`);
    expect(fs.existsSync(missing)).toBe(false);
    const folder = runCli(['export', 'chart', idOf('share-of-gdp'), '--format', 'svg', '--out', out], dataDir);
    expect(folder.stderr).toContain(`${out} 是一个文件夹`);
    // A pack folder is created, but only in a folder that exists.
    const deep = runCli(['export', 'briefing', '1', '--out', path.join(missing, 'pack')], dataDir);
    expect(deep.stderr).toContain(`文件夹 ${missing} 不存在`);
    expect(fs.existsSync(missing)).toBe(false);
    // A pack that fails leaves no folder behind.
    const unknown = runCli(['export', 'briefing', '99', '--out', path.join(out, 'pack-99')], dataDir);
    expect(unknown.stderr).toContain('找不到简报 99');
    expect(fs.existsSync(path.join(out, 'pack-99'))).toBe(false);
  });

  it.runIf(process.platform === 'linux')('names a place it may not write without a raw system code, before rendering anything', () => {
    // /sys refuses new files even to root, as a read-only share would.
    for (const args of [
      ['export', 'chart', idOf('share-of-gdp'), '--format', 'png', '--out', '/sys/chart.png'],
      ['export', 'briefing', '1', '--out', '/sys/pack'],
    ]) {
      const result = runCli(args, dataDir);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('没有写入 /sys 的权限');
      expect(result.stderr).not.toMatch(/EACCES|EPERM|ENOENT|生成/);
    }
  });
});
