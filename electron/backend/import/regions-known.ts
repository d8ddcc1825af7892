// Regions a Chinese indicator table names, with stable codes: ISO 3166-2:CN subdivision codes for
// provinces (CQ, SC, BJ …), CN for the country, and short codes for the cities the workbench follows.
// A region met in a file that is not here is created under its own name.

export interface KnownRegion {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'country' | 'municipality' | 'province' | 'city';
  aliases: readonly string[];
}

export const KNOWN_REGIONS: readonly KnownRegion[] = [
  { code: 'CN', nameZh: '全国', nameEn: 'China', kind: 'country', aliases: ['中国', '全国合计', '全国总计', 'china', 'national', 'prc'] },
  { code: 'BJ', nameZh: '北京市', nameEn: 'Beijing', kind: 'municipality', aliases: ['北京'] },
  { code: 'TJ', nameZh: '天津市', nameEn: 'Tianjin', kind: 'municipality', aliases: ['天津'] },
  { code: 'HE', nameZh: '河北省', nameEn: 'Hebei', kind: 'province', aliases: ['河北'] },
  { code: 'SX', nameZh: '山西省', nameEn: 'Shanxi', kind: 'province', aliases: ['山西'] },
  { code: 'NM', nameZh: '内蒙古自治区', nameEn: 'Inner Mongolia', kind: 'province', aliases: ['内蒙古'] },
  { code: 'LN', nameZh: '辽宁省', nameEn: 'Liaoning', kind: 'province', aliases: ['辽宁'] },
  { code: 'JL', nameZh: '吉林省', nameEn: 'Jilin', kind: 'province', aliases: ['吉林'] },
  { code: 'HL', nameZh: '黑龙江省', nameEn: 'Heilongjiang', kind: 'province', aliases: ['黑龙江'] },
  { code: 'SH', nameZh: '上海市', nameEn: 'Shanghai', kind: 'municipality', aliases: ['上海'] },
  { code: 'JS', nameZh: '江苏省', nameEn: 'Jiangsu', kind: 'province', aliases: ['江苏'] },
  { code: 'ZJ', nameZh: '浙江省', nameEn: 'Zhejiang', kind: 'province', aliases: ['浙江'] },
  { code: 'AH', nameZh: '安徽省', nameEn: 'Anhui', kind: 'province', aliases: ['安徽'] },
  { code: 'FJ', nameZh: '福建省', nameEn: 'Fujian', kind: 'province', aliases: ['福建'] },
  { code: 'JX', nameZh: '江西省', nameEn: 'Jiangxi', kind: 'province', aliases: ['江西'] },
  { code: 'SD', nameZh: '山东省', nameEn: 'Shandong', kind: 'province', aliases: ['山东'] },
  { code: 'HA', nameZh: '河南省', nameEn: 'Henan', kind: 'province', aliases: ['河南'] },
  { code: 'HB', nameZh: '湖北省', nameEn: 'Hubei', kind: 'province', aliases: ['湖北'] },
  { code: 'HN', nameZh: '湖南省', nameEn: 'Hunan', kind: 'province', aliases: ['湖南'] },
  { code: 'GD', nameZh: '广东省', nameEn: 'Guangdong', kind: 'province', aliases: ['广东'] },
  { code: 'GX', nameZh: '广西壮族自治区', nameEn: 'Guangxi', kind: 'province', aliases: ['广西'] },
  { code: 'HI', nameZh: '海南省', nameEn: 'Hainan', kind: 'province', aliases: ['海南'] },
  { code: 'CQ', nameZh: '重庆市', nameEn: 'Chongqing', kind: 'municipality', aliases: ['重庆'] },
  { code: 'SC', nameZh: '四川省', nameEn: 'Sichuan', kind: 'province', aliases: ['四川'] },
  { code: 'GZ', nameZh: '贵州省', nameEn: 'Guizhou', kind: 'province', aliases: ['贵州'] },
  { code: 'YN', nameZh: '云南省', nameEn: 'Yunnan', kind: 'province', aliases: ['云南'] },
  { code: 'XZ', nameZh: '西藏自治区', nameEn: 'Tibet', kind: 'province', aliases: ['西藏', 'xizang'] },
  { code: 'SN', nameZh: '陕西省', nameEn: 'Shaanxi', kind: 'province', aliases: ['陕西'] },
  { code: 'GS', nameZh: '甘肃省', nameEn: 'Gansu', kind: 'province', aliases: ['甘肃'] },
  { code: 'QH', nameZh: '青海省', nameEn: 'Qinghai', kind: 'province', aliases: ['青海'] },
  { code: 'NX', nameZh: '宁夏回族自治区', nameEn: 'Ningxia', kind: 'province', aliases: ['宁夏'] },
  { code: 'XJ', nameZh: '新疆维吾尔自治区', nameEn: 'Xinjiang', kind: 'province', aliases: ['新疆'] },
  { code: 'TW', nameZh: '台湾省', nameEn: 'Taiwan', kind: 'province', aliases: ['台湾'] },
  { code: 'HK', nameZh: '香港特别行政区', nameEn: 'Hong Kong', kind: 'province', aliases: ['香港'] },
  { code: 'MO', nameZh: '澳门特别行政区', nameEn: 'Macao', kind: 'province', aliases: ['澳门', 'macau'] },
  { code: 'CD', nameZh: '成都市', nameEn: 'Chengdu', kind: 'city', aliases: ['成都'] },
];

const byName = new Map<string, KnownRegion>();
for (const r of KNOWN_REGIONS) {
  for (const n of [r.code.toLowerCase(), r.nameZh, r.nameEn.toLowerCase(), ...r.aliases]) byName.set(n, r);
}

/** A known region by code, Chinese name (with or without 省/市/自治区) or English name. */
export function findKnownRegion(name: string): KnownRegion | null {
  const key = name.trim();
  return byName.get(key) ?? byName.get(key.toLowerCase()) ?? null;
}

/** The kind a region name suggests when it is not a known one. */
export function guessRegionKind(name: string): string {
  if (/(省|自治区|特别行政区)$/.test(name)) return 'province';
  if (/(市|州|盟|地区|区|县)$/.test(name)) return 'city';
  return 'province';
}

/** True for names that look like regions: the known ones and names ending in 省/市/区/县/州. */
export function looksLikeRegion(name: string): boolean {
  return findKnownRegion(name) !== null || /^[\u4e00-\u9fa5]{2,12}(省|市|自治区|特别行政区|地区|自治州|州|盟|县|区)$/.test(name.trim());
}
