// Writes the sample import files from observations.json (the figures compiled in DOMAIN.md), so the
// samples never drift from the seed: run `node --import tsx data/sample/build-samples.ts`.
//   gdp-portal-gbk.csv                 GBK, the statistical-portal layout (note rows, wide, trailing notes)
//   digital-economy-wide.xlsx          two sheets, periods as columns
//   chongqing-digital-economy-long.csv UTF-8 with BOM, long layout with unit, status, source and note columns

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { quoteCsvCell } from '../../electron/backend/import/csv-split';
import seed from './observations.json';

const dir = fileURLToPath(new URL('.', import.meta.url));

interface SeedRow {
  indicator: string;
  region: string;
  period: string;
  value: number | null;
  unit: string;
  original: string;
  status: string;
  source: string;
  confidence: string;
  note: string;
}

const rows = seed.observations as SeedRow[];
const names = new Map(seed.indicators.map((i) => [i.code, i.nameZh]));
const regionNames = new Map(seed.regions.map((r) => [r.code, r.nameZh]));

function find(indicator: string, region: string, period: string): SeedRow | undefined {
  return rows.find((r) => r.indicator === indicator && r.region === region && r.period === period && r.status === 'actual');
}

function csv(lines: string[][]): string {
  return lines.map((l) => l.map((c) => quoteCsvCell(c)).join(',')).join('\r\n') + '\r\n';
}

// 1. The portal export, as 国家数据 and provincial portals lay it out, saved by Excel in GBK.
const years = ['2023', '2022', '2021', '2020', '2019', '2018'];
const portal: string[][] = [
  ['数据库：示例数据（按统计数据门户导出格式整理，数值取自各地统计公报，见 DOMAIN.md）'],
  ['指标：地区生产总值(亿元)'],
  ['时间：2018-2023'],
  ['地区', ...years.map((y) => `${y}年`)],
  ...['CQ', 'SC', 'CD', 'CN'].map((region) => [regionNames.get(region) ?? region, ...years.map((y) => find('gdp', region, y)?.original ?? '')]),
  ['注：初步核算数。成都2019、2021年为约数（“1.70万亿”“1.99万亿”）；成都2022年无数据。四川2022年最终核实数为56610.2。'],
  ['数据来源：重庆市统计局、四川省统计局、成都市统计局、国家统计局统计公报及年度发布（经新闻报道转载）。'],
];
writeFileSync(`${dir}gdp-portal-gbk.csv`, iconv.encode(csv(portal), 'gbk'));

// 2. A wide workbook: indicators (or regions) down, periods across.
async function workbook(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const de = wb.addWorksheet('全国数字经济');
  const deYears = ['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023'];
  de.addRow(['指标', '地区', ...deYears.map((y) => `${y}年`), '来源']);
  de.addRow(['数字经济规模(万亿元)', '全国', ...deYears.map((y) => Number(find('de_scale', 'CN', y)?.original.replace('万亿元', '') ?? NaN)), '中国信息通信研究院（CAICT）']);
  de.addRow(['数字经济占GDP比重(%)', '全国', ...deYears.map((y) => find('de_share_gdp', 'CN', y)?.value ?? null), '中国信息通信研究院（CAICT）']);
  de.addRow([]);
  de.addRow(['注：CAICT 宽口径（数字产业化＋产业数字化），现价。各年来源与可信度见 data/sample/observations.json。']);
  de.getRow(1).font = { bold: true };

  const gdp = wb.addWorksheet('地区生产总值');
  const gdpYears = ['2018', '2019', '2020', '2021', '2022', '2023', '2024'];
  gdp.addRow(['指标：地区生产总值(亿元)']);
  gdp.addRow(['地区', ...gdpYears.map((y) => `${y}年`)]);
  for (const region of ['CQ', 'SC', 'CD', 'CN']) {
    gdp.addRow([regionNames.get(region) ?? region, ...gdpYears.map((y) => {
      const r = find('gdp', region, y);
      return r ? (r.original.includes('万亿') ? r.original : r.value) : '—';
    })]);
  }
  gdp.addRow(['注：初步核算数；“—”为无数据。来源见 data/sample/observations.json。']);
  gdp.getRow(2).font = { bold: true };
  await wb.xlsx.writeFile(`${dir}digital-economy-wide.xlsx`);
}

// 3. The long layout, one observation per row, in UTF-8 with a BOM (as Excel saves "CSV UTF-8").
const long: string[][] = [['指标', '地区', '时期', '数值', '单位', '状态', '来源', '备注']];
for (const r of rows.filter((x) => x.region === 'CQ' && x.indicator !== 'gdp')) {
  const status = r.status === 'derived' ? '推算' : '实际';
  // Published text as it stands (with its unit, 约/超过 and all): the importer reads it.
  const value = r.status === 'derived' ? String(r.value) : r.original;
  long.push([names.get(r.indicator) ?? r.indicator, '重庆', r.period.replace('H1', '年上半年'), value, r.unit, status, `${r.source}（可信度 ${r.confidence}）`, r.note]);
}
writeFileSync(`${dir}chongqing-digital-economy-long.csv`, `\uFEFF${csv(long)}`);

await workbook();
