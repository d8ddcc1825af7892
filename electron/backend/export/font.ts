// The one CJK font every export draws with: located on this machine, measured for ECharts' layout,
// subset to the characters a chart uses (resvg takes ~300 ms to load a full 19 MB CJK font, a subset
// ~2 ms) and embedded in SVG and PDF. Without it resvg silently drops Chinese text, so a missing font
// is an error, never a PNG without labels.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
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
  /** The chosen face as a standalone font file (a collection's member extracted). */
  face: Buffer;
  /** CSS format() of the face: CFF outlines are 'opentype', glyf outlines 'truetype'. */
  format: 'opentype' | 'truetype';
  /** Advance width of text in px at a font size, from the face's own metrics. */
  measure(text: string, fontSize: number): number;
}

const loaded = new Map<string, ExportFont>();

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
    const font = loadFont(path);
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

function loadFont(path: string): ExportFont {
  let file: Buffer;
  let parsed: fontkit.Font | fontkit.FontCollection;
  try {
    file = readFileSync(path);
    parsed = fontkit.create(file);
  } catch (cause) {
    throw new ExportError('FONT_UNUSABLE', { path, reason: String(cause) }, `Cannot read the font ${path}`, { cause });
  }
  const faces = 'fonts' in parsed ? parsed.fonts : [parsed];
  const covers = (f: fontkit.Font): boolean => [...probe].every((ch) => f.hasGlyphForCodePoint(ch.codePointAt(0)!));
  const ranked = [...preferredFamilies.flatMap((name) => faces.filter((f) => f.familyName === name)), ...faces];
  const chosen = ranked.find(covers);
  if (!chosen) throw new ExportError('FONT_UNUSABLE', { path, reason: 'no Chinese glyphs' }, `The font ${path} has no Chinese glyphs`);
  const face = 'fonts' in parsed ? extractFace(file, faces.indexOf(chosen)) : file;
  const unitsPerEm = chosen.unitsPerEm;
  const advances = new Map<number, number>();
  const advance = (cp: number): number => {
    let a = advances.get(cp);
    if (a === undefined) {
      a = chosen.glyphForCodePoint(cp).advanceWidth / unitsPerEm;
      advances.set(cp, a);
    }
    return a;
  };
  return {
    path,
    family: chosen.familyName,
    face,
    format: face.readUInt32BE(0) === 0x4f54544f /* 'OTTO' */ ? 'opentype' : 'truetype',
    measure(text, fontSize) {
      let em = 0;
      for (const ch of text) em += advance(ch.codePointAt(0)!);
      return em * fontSize;
    },
  };
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

/** The face cut down to the characters of text; the same characters give the same bytes. */
export function subsetFor(font: ExportFont, text: string): Promise<Buffer> {
  const chars = [...new Set(text)]
    .filter((ch) => ch.codePointAt(0)! >= 0x20)
    .sort()
    .join('');
  const key = `${font.path}\u0000${chars}`;
  const cached = subsets.get(key);
  if (cached) return cached;
  // Without layout features: they would pull in alternate glyphs (66 KB instead of 25 KB for a chart)
  // and kerning the layout does not measure, so drawn text would no longer match its measured width.
  const subset = subsetFont(font.face, chars, { targetFormat: 'sfnt', keepFeatures: [] }).catch((cause: unknown) => {
    subsets.delete(key);
    throw new ExportError('FONT_UNUSABLE', { path: font.path, reason: String(cause) }, `Cannot subset the font ${font.path}`, { cause });
  });
  if (subsets.size >= SUBSET_CACHE) subsets.delete(subsets.keys().next().value!);
  subsets.set(key, subset);
  return subset;
}

let fontDir: string | null = null;

/**
 * A subset as a file, for resvg (its Node binding loads fonts from paths only). Files are named by
 * content and live in a per-process temp folder removed at exit.
 */
export function fontFile(subset: Buffer): string {
  if (!fontDir) {
    const dir = mkdtempSync(join(tmpdir(), 'workbench-fonts-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    fontDir = dir;
  }
  const file = join(fontDir, `${createHash('sha256').update(subset).digest('hex').slice(0, 24)}.font`);
  if (!existsSync(file)) writeFileSync(file, subset);
  return file;
}
