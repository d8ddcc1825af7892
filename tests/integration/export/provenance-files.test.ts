// Provenance that common tools read: XMP in the PNG (iTXt XML:com.adobe.xmp) and in the PDF (the
// catalogue's Metadata stream), a tagged PDF with title, author and language. Read back from the bytes.
import { inflateSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../electron/backend/export/pdf';
import { renderPng } from '../../../electron/backend/export/png';
import { readChunks, XMP_KEYWORD } from '../../../electron/backend/export/png-chunks';
import { pngText, provenanceOf, XMP_NAMESPACE } from '../../../electron/backend/export/provenance';
import { share, trajectory } from '../../fixtures/charts/briefing';
import { app, itemOf } from './support';

/** The text of every element (its descendants' included) by qualified name, failing on XML that is not well formed. */
function xmlTexts(xml: string): Map<string, string[]> {
  const parser = new SaxesParser({ xmlns: true });
  const texts = new Map<string, string[]>();
  const open: Array<{ name: string; text: string }> = [];
  parser.on('opentag', (tag) => open.push({ name: tag.name, text: '' }));
  parser.on('text', (t) => open.forEach((o) => (o.text += t)));
  parser.on('closetag', () => {
    const { name, text } = open.pop()!;
    texts.set(name, [...(texts.get(name) ?? []), text.trim()]);
  });
  parser.write(xml).close();
  return texts;
}

/** The XMP packet of a PNG: the one iTXt chunk with the XMP keyword, uncompressed. */
function pngXmp(png: Uint8Array): string {
  const itxt = readChunks(png).filter((c) => c.type === 'iTXt' && c.data.toString('latin1', 0, c.data.indexOf(0)) === XMP_KEYWORD);
  expect(itxt).toHaveLength(1);
  const data = itxt[0]!.data;
  const nul = data.indexOf(0);
  expect(data[nul + 1]).toBe(0); // not compressed, as the XMP specification requires
  const language = data.indexOf(0, nul + 3);
  const translated = data.indexOf(0, language + 1);
  return data.toString('utf8', translated + 1);
}

/** The PDF's objects by number, each stream inflated when it is compressed. */
function pdfObjects(pdf: Buffer): Map<number, { dict: string; stream: Buffer | null }> {
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/(\d+) 0 obj\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const at = body.indexOf('stream\n');
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const raw = pdf.subarray(start + at + 7, start + body.lastIndexOf('\nendstream'));
    objects.set(Number(m[1]), { dict, stream: /\/Filter \/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  return objects;
}

describe('XMP in the PNG', () => {
  it('carries title, organisation, source, data date and scenarios where exiftool reads them', async () => {
    const xmp = pngXmp(await renderPng(trajectory.spec, trajectory.data, { app, dpi: 96 }));
    expect(xmp.startsWith('<?xpacket begin="\uFEFF"')).toBe(true);
    const texts = xmlTexts(xmp);
    expect(texts.get('dc:title')).toEqual([trajectory.spec.title]);
    expect(texts.get('rdf:li')).toEqual(expect.arrayContaining([trajectory.spec.title, 'Digital economy think tank (sample)', '基准情景 v3, 加速情景 v1', 'zh-CN']));
    expect(texts.get('dc:source')).toEqual([trajectory.spec.sourceNote]);
    expect(texts.get('wb:dataAsOf')).toEqual(['2024-06-30']);
    expect(texts.get('xmp:CreatorTool')).toEqual(['digital-economy-workbench 0.1.0-test']);
    expect(JSON.parse(texts.get('wb:provenance')![0]!)).toMatchObject({ chart: trajectory.spec.name, template: 'target-trajectory', scenarios: [{ name: '基准情景', version: 3 }, { name: '加速情景', version: 1 }] });
    expect(xmp).toContain(`xmlns:wb="${XMP_NAMESPACE}"`);
  });

  it('is written by the PNG export itself', async () => {
    const png = await renderPng(share.spec, share.data, { app, dpi: 96 });
    expect(xmlTexts(pngXmp(png)).get('dc:title')).toEqual([share.spec.title]);
  });

  it('escapes a title a user typed with XML characters', () => {
    const p = { ...provenanceOf(trajectory.spec, trajectory.data, app), title: 'R&D <投入> "占比"' };
    const xmp = pngText(p, 'zh').find(([k]) => k === XMP_KEYWORD)![1];
    expect(xmlTexts(xmp).get('dc:title')).toEqual(['R&D <投入> "占比"']);
  });
});

describe('the PDF', () => {
  it('is tagged, titled, authored by the organisation, and carries its provenance as XMP', async () => {
    const items = [itemOf(trajectory), itemOf(share)];
    const pdf = Buffer.from(await renderPdf(items, { app, title: '沙龙简报 R&D <1>' }));
    expect(pdf.toString('latin1', 0, 8)).toBe('%PDF-1.7');
    const objects = [...pdfObjects(pdf).values()];
    const catalog = objects.find((o) => /\/Type \/Catalog/.test(o.dict))!.dict;
    expect(catalog).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(catalog).toMatch(/\/Lang \(zh-CN\)/);
    expect(objects.some((o) => /\/Marked true/.test(o.dict))).toBe(true);
    // One Figure per page, its alternative text the chart's title.
    const figures = objects.filter((o) => /\/S \/Figure/.test(o.dict));
    expect(figures).toHaveLength(2);

    const metadata = objects.find((o) => /\/Type \/Metadata/.test(o.dict) && /\/Subtype \/XML/.test(o.dict))!;
    const texts = xmlTexts(metadata.stream!.toString('utf8'));
    expect(texts.get('dc:title')).toEqual(['沙龙简报 R&D <1>']);
    expect(texts.get('dc:creator')).toEqual(['Digital economy think tank (sample)']);
    expect(texts.get('rdf:li')).toEqual(expect.arrayContaining([trajectory.spec.name, share.spec.name]));
    expect(texts.get('wb:dataAsOf')).toEqual(['2024-06-30']);
    expect(texts.get('xmp:CreatorTool')).toEqual(['digital-economy-workbench 0.1.0-test']);

    // The Info dictionary names the same author.
    const info = objects.find((o) => /\/Producer /.test(o.dict) && /\/Creator /.test(o.dict))!.dict;
    expect(info).toMatch(/\/Author \d+ 0 R/);
  });

  it('names no author when the chart names no organisation', async () => {
    const pdf = Buffer.from(await renderPdf([{ ...itemOf(trajectory), spec: { ...trajectory.spec, organisation: '' } }], { app }));
    expect(pdf.toString('latin1')).not.toContain('/Author');
    const metadata = [...pdfObjects(pdf).values()].find((o) => /\/Type \/Metadata/.test(o.dict))!;
    expect(xmlTexts(metadata.stream!.toString('utf8')).has('dc:creator')).toBe(false);
  });
});
