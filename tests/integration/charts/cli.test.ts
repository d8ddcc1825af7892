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
    expect(result.stdout).toContain('已写入简报包');
    expect(result.stderr).toMatch(/生成SVG \d+\/\d+/);
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
});
