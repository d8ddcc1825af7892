// Locating the export font and cutting one face out of a collection.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { extractFace, locateFont, systemFontPaths } from '../../../electron/backend/export/font';

describe('export font files', () => {
  it('cuts the simplified-Chinese face out of the Noto CJK collection as a font of its own', () => {
    const font = locateFont();
    const collection = readFileSync(font.path);
    const face = fontkit.create(extractFace(collection, 2)) as fontkit.Font;
    expect(face.familyName).toBe('Noto Sans CJK SC');
    expect(face.hasGlyphForCodePoint('重'.codePointAt(0)!)).toBe(true);
    expect(font.face.readUInt32BE(0)).toBe(0x4f54544f);
  });

  it('knows where Windows, macOS and Linux keep CJK fonts', () => {
    expect(systemFontPaths('win32', { WINDIR: 'D:\\Windows' })[0]).toMatch(/D:\\Windows[\\/]Fonts[\\/]msyh\.ttc/);
    expect(systemFontPaths('darwin', {})).toContain('/System/Library/Fonts/PingFang.ttc');
    expect(systemFontPaths('linux', {})[0]).toBe('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
  });
});
