// The one CJK font every export draws with: located on this machine, measured for ECharts' layout,
// subset to the characters a chart uses (resvg takes ~300 ms to load a full 19 MB CJK font, a subset
// ~2 ms) and embedded in SVG and PDF. Without it resvg silently drops Chinese text, so a missing font
// is an error, never a PNG without labels.
//
// The font work is kept on disk between processes (fontCacheDir): which face of the file to use, the
// advance widths measured so far, and each subset made. A one-chart export from the command line then
// neither loads the subsetter (60 ms here) nor reads and parses the 19 MB file with fontkit (150 ms
// to load it, 160 ms to parse) nor cuts a subset (200 ms the first time in a process): it reads a few
// KB. A cache entry names the font file's path, size and time, so a font replaced is measured afresh;
// a subset's name its characters and the subsetter's version, so the cache gives the bytes the
// subsetter would. A cache folder that cannot be written is only slower.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type * as fontkit from 'fontkit';
import { appDirName } from '../paths';
import { ExportError } from './errors';

/** A font file path that overrides the system search (the workbench setting passes the same). */
export const FONT_ENV = 'WORKBENCH_CJK_FONT';

/** Families worth choosing from a collection, best first (simplified Chinese forms). */
const preferredFamilies = [
  'Noto Sans CJK SC',
  'Source Han Sans SC',
  'Source Han Sans CN',
  'Microsoft YaHei',
  'PingFang SC',
  'Hiragino Sans GB',
  'WenQuanYi Micro Hei',
  'Noto Sans SC',
];

/** Known locations of a CJK sans font, per platform, most likely first. */
export function systemFontPaths(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    const fonts = join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts');
    return ['msyh.ttc', 'msyh.ttf', 'Deng.ttf', 'simhei.ttf', 'simsun.ttc'].map((f) => join(fonts, f));
  }
  if (platform === 'darwin') {
    return [
      '/System/Library/Fonts/PingFang.ttc',
      '/System/Library/Fonts/Hiragino Sans GB.ttc',
      '/System/Library/Fonts/STHeiti Light.ttc',
      '/Library/Fonts/Arial Unicode.ttf',
    ];
  }
  return [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/opentype/source-han-sans/SourceHanSans-Regular.ttc',
    '/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf',
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    '/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc',
  ];
}

export interface ExportFont {
  path: string;
  family: string;
  /** The chosen face as a standalone font file (a collection's member extracted); read when first used. */
  readonly face: Buffer;
  /** CSS format() of the face: CFF outlines are 'opentype', glyf outlines 'truetype'. */
  format: 'opentype' | 'truetype';
  /** Advance width of text in px at a font size, from the face's own metrics. */
  measure(text: string, fontSize: number): number;
}

/** Bumped when what the cache holds, or how a subset is made, changes. */
const CACHE_VERSION = 1;

/** A folder for the cache instead of the platform's (tests give each run its own). */
export const FONT_CACHE_ENV = 'WORKBENCH_FONT_CACHE';

/** The platform's per-user cache folder for the export font's measurements and subsets. */
export function fontCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env[FONT_CACHE_ENV]) return env[FONT_CACHE_ENV];
  const home = homedir();
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), appDirName, 'Cache', 'fonts');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', appDirName, 'fonts');
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), appDirName, 'fonts');
}

/** What is kept of a font file between processes: the face chosen and the advances measured (font units). */
interface FontRecord {
  family: string;
  format: 'opentype' | 'truetype';
  /** The face's index in a collection, or -1 for a file of one face. */
  faceIndex: number;
  unitsPerEm: number;
  advances: Record<string, number>;
}

interface FontState {
  /** The file name stem of this font's cache entries, or null when there is no usable cache. */
  cacheKey: string | null;
  record: FontRecord;
  /** Advances measured in this process and not yet written. */
  unsaved: boolean;
}

const loaded = new Map<string, ExportFont>();
const states = new WeakMap<ExportFont, FontState>();
const nodeRequire = createRequire(import.meta.url);

/**
 * The export font: the explicit path (a setting) or $WORKBENCH_CJK_FONT when given, else the first
 * system font found. An explicit path that is missing is an error rather than a silent fallback.
 */
export function locateFont(explicitPath?: string | null): ExportFont {
  const explicit = explicitPath || process.env[FONT_ENV] || null;
  const tried = explicit ? [explicit] : systemFontPaths();
  for (const path of tried) {
    const cached = loaded.get(path);
    if (cached) return cached;
    if (!existsSync(path)) continue;
    const font = openFont(path);
    loaded.set(path, font);
    return font;
  }
  throw new ExportError(
    'FONT_NOT_FOUND',
    { tried },
    `No Chinese font found (tried ${tried.join(', ')}). Install fonts-noto-cjk, or set ${FONT_ENV} or the export font setting to a .ttc/.otf/.ttf file.`,
  );
}

const probe = '数字经济0123456789';

/** The cache folder, made when missing, or null when it cannot be (a read-only home): then nothing is kept. */
function cacheDir(): string | null {
  const dir = fontCacheDir();
  try {
    mkdirSync(dir, { recursive: true });
    return dir;
  } catch {
    return null;
  }
}

/** Which font file this is, as far as the cache can tell: path, size and time. */
function cacheKeyOf(path: string, stat: Stats): string | null {
  return cacheDir() === null ? null : createHash('sha256').update(JSON.stringify([CACHE_VERSION, path, stat.size, stat.mtimeMs])).digest('hex').slice(0, 24);
}

/** Written under a temporary name and renamed, so a reader never sees half a file. */
function writeAtomically(file: string, data: string | Buffer): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch {
    rmSync(partial, { force: true });
  }
}

function readRecord(key: string): FontRecord | null {
  try {
    return JSON.parse(readFileSync(join(fontCacheDir(), `${key}.json`), 'utf8')) as FontRecord;
  } catch {
    return null;
  }
}

function openFont(path: string): ExportFont {
  const cacheKey = cacheKeyOf(path, statSync(path));
  const kept = cacheKey === null ? null : readRecord(cacheKey);
  let parsed: ParsedFont | null = null;
  const parse = (): ParsedFont => (parsed ??= parseFont(path, kept?.faceIndex));
  let record = kept;
  if (!record) {
    const p = parse();
    record = { family: p.face.familyName, format: formatOf(p.file), faceIndex: p.faceIndex, unitsPerEm: p.face.unitsPerEm, advances: {} };
  }
  const state: FontState = { cacheKey, record, unsaved: kept === null };
  const { advances, unitsPerEm } = record;
  const advance = (cp: number): number => {
    let units = advances[cp];
    if (units === undefined) {
      units = parse().face.glyphForCodePoint(cp).advanceWidth;
      advances[cp] = units;
      state.unsaved = true;
    }
    return units / unitsPerEm;
  };
  const font: ExportFont = {
    path,
    family: record.family,
    format: record.format,
    get face() {
      return parse().file;
    },
    measure(text, fontSize) {
      let em = 0;
      for (const ch of text) em += advance(ch.codePointAt(0)!);
      return em * fontSize;
    },
  };
  states.set(font, state);
  return font;
}

interface ParsedFont {
  face: fontkit.Font;
  faceIndex: number;
  /** The face as a file of its own. */
  file: Buffer;
}

/** Reads and parses the font file, choosing the face `faceIndex` (as kept) or the best simplified-Chinese one. */
function parseFont(path: string, faceIndex?: number): ParsedFont {
  let file: Buffer;
  let parsed: fontkit.Font | fontkit.FontCollection;
  try {
    file = readFileSync(path);
    parsed = (nodeRequire('fontkit') as typeof fontkit).create(file);
  } catch (cause) {
    throw new ExportError('FONT_UNUSABLE', { path, reason: String(cause) }, `Cannot read the font ${path}`, { cause });
  }
  if (!('fonts' in parsed)) {
    if (faceIndex === undefined && !covers(parsed)) throw new ExportError('FONT_UNUSABLE', { path, reason: 'no Chinese glyphs' }, `The font ${path} has no Chinese glyphs`);
    return { face: parsed, faceIndex: -1, file };
  }
  const faces = parsed.fonts;
  const ranked = [...preferredFamilies.flatMap((name) => faces.filter((f) => f.familyName === name)), ...faces];
  const chosen = faceIndex !== undefined && faces[faceIndex] ? faces[faceIndex] : ranked.find(covers);
  if (!chosen) throw new ExportError('FONT_UNUSABLE', { path, reason: 'no Chinese glyphs' }, `The font ${path} has no Chinese glyphs`);
  const index = faces.indexOf(chosen);
  return { face: chosen, faceIndex: index, file: extractFace(file, index) };
}

const covers = (f: fontkit.Font): boolean => [...probe].every((ch) => f.hasGlyphForCodePoint(ch.codePointAt(0)!));

const formatOf = (face: Buffer): 'opentype' | 'truetype' => (face.readUInt32BE(0) === 0x4f54544f /* 'OTTO' */ ? 'opentype' : 'truetype');

/** Writes the font's record when this process measured characters it did not hold. */
function saveMeasurements(font: ExportFont): void {
  const state = states.get(font);
  if (!state?.unsaved || state.cacheKey === null) return;
  writeAtomically(join(fontCacheDir(), `${state.cacheKey}.json`), JSON.stringify(state.record));
  state.unsaved = false;
}

/**
 * One member of a TrueType collection as a standalone sfnt: its table directory with the tables it
 * points at copied after it. Font tools that take one face (the subsetter, resvg) need this.
 */
export function extractFace(collection: Buffer, index: number): Buffer {
  const offset = collection.readUInt32BE(12 + 4 * index);
  const numTables = collection.readUInt16BE(offset + 4);
  const headerSize = 12 + 16 * numTables;
  const tables = Array.from({ length: numTables }, (_, i) => {
    const r = offset + 12 + 16 * i;
    return { record: r, start: collection.readUInt32BE(r + 8), length: collection.readUInt32BE(r + 12) };
  });
  const padded = (n: number): number => (n + 3) & ~3;
  const out = Buffer.alloc(headerSize + tables.reduce((n, t) => n + padded(t.length), 0));
  collection.copy(out, 0, offset, offset + 12);
  let at = headerSize;
  tables.forEach((t, i) => {
    const r = 12 + 16 * i;
    collection.copy(out, r, t.record, t.record + 8); // tag and checksum
    out.writeUInt32BE(at, r + 8);
    out.writeUInt32BE(t.length, r + 12);
    collection.copy(out, at, t.start, t.start + t.length);
    at += padded(t.length);
  });
  return out;
}

const subsets = new Map<string, Promise<Buffer>>();
const SUBSET_CACHE = 256;
/** Subsets on disk kept at most; past it the least recently used go. A chart's subset is 7–25 KB. */
const SUBSETS_ON_DISK = 1000;
/** Where each subset made or read in this process lies on disk, for resvg. */
const subsetFiles = new WeakMap<Buffer, string>();

let versions: string | null = null;

/** The versions of the subsetter and of the HarfBuzz it runs: another version may cut other bytes. */
function subsetterVersions(): string {
  if (versions === null) {
    const subsetter = nodeRequire.resolve('subset-font');
    const harfbuzz = createRequire(subsetter).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    const version = (pkg: string): string => (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
    versions = `${version(join(dirname(subsetter), 'package.json'))}/${version(join(dirname(harfbuzz), '..', 'package.json'))}`;
  }
  return versions;
}

/** The face cut down to the characters of text; the same characters give the same bytes. */
export function subsetFor(font: ExportFont, text: string): Promise<Buffer> {
  saveMeasurements(font);
  const chars = [...new Set(text)]
    .filter((ch) => ch.codePointAt(0)! >= 0x20)
    .sort()
    .join('');
  const key = `${font.path}\u0000${chars}`;
  const cached = subsets.get(key);
  if (cached) return cached;
  const fontKey = states.get(font)?.cacheKey ?? null;
  const file = fontKey === null ? null : join(fontCacheDir(), `${fontKey}-${createHash('sha256').update(`${subsetterVersions()}\u0000${chars}`).digest('hex').slice(0, 24)}.font`);
  const subset = (file ? readKeptSubset(file) : null) ?? makeSubset(font, chars, file);
  if (subsets.size >= SUBSET_CACHE) subsets.delete(subsets.keys().next().value!);
  subsets.set(key, subset);
  return subset;
}

function readKeptSubset(file: string): Promise<Buffer> | null {
  try {
    const bytes = readFileSync(file);
    const now = new Date();
    utimesSync(file, now, now);
    subsetFiles.set(bytes, file);
    return Promise.resolve(bytes);
  } catch {
    return null;
  }
}

async function makeSubset(font: ExportFont, chars: string, file: string | null): Promise<Buffer> {
  const key = `${font.path}\u0000${chars}`;
  try {
    const { default: subsetFont } = await import('subset-font');
    // Without layout features: they would pull in alternate glyphs (66 KB instead of 25 KB for a chart)
    // and kerning the layout does not measure, so drawn text would no longer match its measured width.
    const subset = await subsetFont(font.face, chars, { targetFormat: 'sfnt', keepFeatures: [] });
    if (file) {
      writeAtomically(file, subset);
      if (existsSync(file)) subsetFiles.set(subset, file);
      pruneSubsets(dirname(file));
    }
    return subset;
  } catch (cause) {
    subsets.delete(key);
    if (cause instanceof ExportError) throw cause;
    throw new ExportError('FONT_UNUSABLE', { path: font.path, reason: String(cause) }, `Cannot subset the font ${font.path}`, { cause });
  }
}

/** Keeps the newest SUBSETS_ON_DISK subsets (by last use) when a new one takes the count past it. */
function pruneSubsets(dir: string): void {
  const kept = readdirSync(dir).filter((name) => name.endsWith('.font'));
  if (kept.length <= SUBSETS_ON_DISK) return;
  const byUse = kept
    .map((name) => {
      try {
        return { file: join(dir, name), used: statSync(join(dir, name)).mtimeMs };
      } catch {
        return null;
      }
    })
    .filter((f): f is { file: string; used: number } => f !== null)
    .sort((a, b) => a.used - b.used);
  for (const { file } of byUse.slice(0, byUse.length - SUBSETS_ON_DISK)) rmSync(file, { force: true });
}

let fontDir: string | null = null;

/**
 * A subset as a file, for resvg (its Node binding loads fonts from paths only): the cached file when
 * there is one, else a file named by content in a per-process temp folder removed at exit.
 */
export function fontFile(subset: Buffer): string {
  const kept = subsetFiles.get(subset);
  if (kept && existsSync(kept)) return kept;
  if (!fontDir) {
    const dir = mkdtempSync(join(tmpdir(), 'workbench-fonts-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    fontDir = dir;
  }
  const file = join(fontDir, `${createHash('sha256').update(subset).digest('hex').slice(0, 24)}.font`);
  if (!existsSync(file)) writeFileSync(file, subset);
  return file;
}
