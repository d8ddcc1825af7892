-- Written for the series layer (electron/backend/series): what a figure is, beside its value.
-- DOMAIN.md, "Three measures, never one series" and "Revisions".

-- Measures (口径): the definitions a figure can be measured by. Nothing combines values of two measures.
CREATE TABLE measures (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  publisher TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0
);
INSERT INTO measures (code, name_zh, name_en, description, publisher, source, sort) VALUES
  ('standard', '统计部门常规口径', 'official statistics measure',
   '统计部门常规发布的指标（GDP、营业收入等），只有一个口径。',
   '各级统计局', '统计公报及年度发布', 0),
  ('cq-earlier', '重庆市此前口径', 'Chongqing earlier measure',
   '数字经济增加值，2022年以前重庆市内使用的口径（《重庆市数字经济“十四五”发展规划》，市长2021年数据）。与信通院广义口径不可比。',
   '重庆市', '《重庆市数字经济“十四五”发展规划》；“中国这十年·重庆”发布会（2022-08-18）', 1),
  ('caict-broad', '信通院广义口径', 'CAICT broad measure',
   '中国信通院口径的数字经济规模：数字产业化+产业数字化（后加数字化治理、数据价值化），现价。试验区方案“万亿级”与40%、行动计划50%目标按此口径。',
   '中国信息通信研究院', '中国数字经济发展白皮书/研究报告；重庆市统计局（2022年45.4%）', 2),
  ('nbs-core', '统计局核心产业口径', 'NBS core-industries measure',
   '数字经济核心产业增加值，国家统计局《数字经济及其核心产业统计分类(2021)》，远小于广义口径。',
   '国家统计局', '《数字经济及其核心产业统计分类(2021)》', 3);

-- The measure an indicator's figures use unless an observation names its own.
ALTER TABLE indicators ADD COLUMN measure TEXT NOT NULL DEFAULT 'standard';

-- An observation's own measure (NULL: its indicator's), whether its value is exact or a bound
-- ("超过1万亿元" is ≥ 10000, not 10000), and which release it is (its date, ISO, '' when unknown,
-- and label, e.g. 初步核算 / 第四次经济普查修订). The row holds the latest release; earlier releases
-- of the same observation are kept in observation_releases.
ALTER TABLE observations ADD COLUMN measure TEXT REFERENCES measures(code) ON UPDATE CASCADE;
ALTER TABLE observations ADD COLUMN bound TEXT NOT NULL DEFAULT 'exact' CHECK (bound IN ('exact', 'lower', 'upper', 'approx'));
ALTER TABLE observations ADD COLUMN released TEXT NOT NULL DEFAULT '';
ALTER TABLE observations ADD COLUMN release_label TEXT NOT NULL DEFAULT '';
-- 1: this release is known to have been revised, but the revision is not in the workspace (四川 2018 GDP
-- before the fourth economic census). A growth from it to a year published on the revised base would
-- mix vintages, so none is given.
ALTER TABLE observations ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1));

-- Keyed by the observation's id without a foreign key: undoing an import deletes a row and restores
-- it under the same id, and its history must survive that; the undo removes the releases it added
-- (import_id) and those of rows it does not restore.
CREATE TABLE observation_releases (
  id INTEGER PRIMARY KEY,
  observation_id INTEGER NOT NULL,
  -- The import that made this release an earlier one (conflict choice 'revise'); NULL for the seed's.
  import_id INTEGER,
  value REAL,
  original TEXT NOT NULL DEFAULT '',
  bound TEXT NOT NULL DEFAULT 'exact' CHECK (bound IN ('exact', 'lower', 'upper', 'approx')),
  released TEXT NOT NULL DEFAULT '',
  release_label TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX observation_releases_observation ON observation_releases(observation_id, released);

-- A row an import replaced keeps what it was, to be restored as it was by the import's undo.
ALTER TABLE import_replaced ADD COLUMN measure TEXT;
ALTER TABLE import_replaced ADD COLUMN bound TEXT NOT NULL DEFAULT 'exact';
ALTER TABLE import_replaced ADD COLUMN released TEXT NOT NULL DEFAULT '';
ALTER TABLE import_replaced ADD COLUMN release_label TEXT NOT NULL DEFAULT '';

-- The measure a target is judged by (NULL: its indicator's).
ALTER TABLE targets ADD COLUMN measure TEXT REFERENCES measures(code) ON UPDATE CASCADE;

-- Existing workspaces: the seeded indicators' measures, as DOMAIN.md assigns them.
UPDATE indicators SET measure = 'caict-broad' WHERE code IN ('de_scale', 'de_share_gdp', 'de_digital_industrialisation', 'de_industry_digitalisation');
UPDATE indicators SET measure = 'cq-earlier' WHERE code IN ('de_va', 'de_va_share_gdp', 'de_va_growth', 'de_va_cagr');
UPDATE indicators SET measure = 'nbs-core' WHERE code IN ('de_core_va', 'de_core_share_gdp', 'de_core_enterprises');
-- 重庆's 2022 share (45.4%) and the value derived from it are on the broad measure: the definition break.
UPDATE observations SET measure = 'caict-broad' WHERE indicator IN ('de_va', 'de_va_share_gdp') AND region = 'CQ' AND year >= 2022;
UPDATE targets SET measure = 'caict-broad' WHERE code IN ('A1', 'A2') AND indicator IN ('de_scale', 'de_va_share_gdp');

-- Bounds and approximations written in the text or, before this version, only in the note.
UPDATE observations SET bound = 'lower'
  WHERE original LIKE '超%' OR original LIKE '逾%' OR original LIKE '>%' OR original LIKE '≥%' OR original LIKE '%以上' OR original LIKE '不低于%' OR note LIKE '下限%';
UPDATE observations SET bound = 'upper'
  WHERE bound = 'exact' AND (original LIKE '不足%' OR original LIKE '不到%' OR original LIKE '<%' OR original LIKE '≤%' OR original LIKE '%以下' OR note LIKE '上限%');
UPDATE observations SET bound = 'approx'
  WHERE bound = 'exact' AND (original LIKE '约%' OR original LIKE '近%' OR original LIKE '≈%' OR original LIKE '%左右' OR original LIKE '%上下' OR note LIKE '约数%');

-- 重庆 2018 GDP: the first release (统计公报, 2019) and the fourth economic census revision (2020),
-- which the seed noted in text only. The revision becomes the row; the first release its history.
INSERT INTO observation_releases (observation_id, value, original, bound, released, release_label, source, note)
  SELECT id, value, original, bound, '2019-03-01', '统计公报初步核算数', source, ''
  FROM observations
  WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2018' AND status = 'actual' AND value = 20363.19;
UPDATE observations
  SET value = 21588.80, original = '21588.80', released = '2020-01-01', release_label = '第四次经济普查修订',
      source = '重庆市统计局修订序列（第四次全国经济普查后，经第三方汇编，可信度 L）', note = '普查修订数；初步核算数 20363.19（2019年统计公报）见修订记录'
  WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2018' AND status = 'actual' AND value = 20363.19;

-- 2018 GDP of 四川, 成都 and 全国: first releases, revised after the fourth economic census (late 2019)
-- like 重庆's; the revised figures are not in the seed.
UPDATE observations SET superseded = 1, release_label = '初步核算数（第四次经济普查修订前）'
  WHERE indicator = 'gdp' AND region IN ('SC', 'CD', 'CN') AND period = '2018' AND status = 'actual' AND value IN (40678.13, 15342.77, 900309);

-- 四川 2022 GDP: the first release, then the final verification (最终核实) announced on 2024-01-19.
INSERT INTO observation_releases (observation_id, value, original, bound, released, release_label, source, note)
  SELECT id, value, original, bound, '', '统计公报初步核算数', source, ''
  FROM observations
  WHERE indicator = 'gdp' AND region = 'SC' AND period = '2022' AND status = 'actual' AND value = 56749.8;
UPDATE observations
  SET value = 56610.2, original = '56610.2', released = '2024-01-19', release_label = '最终核实数',
      source = '四川省政府新闻发布会 2024-01-19（经新闻报道转载）（可信度 M）', note = '最终核实数；初步核算数 56749.8 见修订记录'
  WHERE indicator = 'gdp' AND region = 'SC' AND period = '2022' AND status = 'actual' AND value = 56749.8;

-- Indicators that publish a share of GDP (%): a level's share is read from them, on the level's own
-- measure, before it is ever computed.
ALTER TABLE indicators ADD COLUMN gdp_share INTEGER NOT NULL DEFAULT 0 CHECK (gdp_share IN (0, 1));
UPDATE indicators SET gdp_share = 1 WHERE code IN ('de_share_gdp', 'de_va_share_gdp', 'de_core_share_gdp');

-- What this migration changed in figures a saved chart may draw, for the chart to tell its user
-- (a saved result never changes silently). One row per changed figure; a chart's user can dismiss it.
CREATE TABLE data_notices (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  indicator TEXT NOT NULL,
  region TEXT NOT NULL,
  year INTEGER NOT NULL,
  message_zh TEXT NOT NULL,
  message_en TEXT NOT NULL
);
CREATE TABLE data_notices_seen (
  notice_id INTEGER NOT NULL REFERENCES data_notices(id) ON DELETE CASCADE,
  chart_id INTEGER NOT NULL REFERENCES charts(id) ON DELETE CASCADE,
  PRIMARY KEY (notice_id, chart_id)
);
INSERT INTO data_notices (created_at, indicator, region, year, message_zh, message_en)
  SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'gdp', 'CQ', 2018,
         '重庆2018年GDP改用第四次经济普查修订数21588.80亿元（此前为初步核算数20363.19亿元，见修订记录）。',
         'Chongqing''s 2018 GDP is now the fourth economic census revision, 21588.80亿元 (it was the first release, 20363.19亿元; see its releases).'
  WHERE EXISTS (SELECT 1 FROM observation_releases r JOIN observations o ON o.id = r.observation_id WHERE o.indicator = 'gdp' AND o.region = 'CQ' AND o.period = '2018');
INSERT INTO data_notices (created_at, indicator, region, year, message_zh, message_en)
  SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'gdp', 'SC', 2022,
         '四川2022年GDP改用最终核实数56610.2亿元（此前为初步核算数56749.8亿元，见修订记录）。',
         'Sichuan''s 2022 GDP is now the final verification, 56610.2亿元 (it was the first release, 56749.8亿元; see its releases).'
  WHERE EXISTS (SELECT 1 FROM observation_releases r JOIN observations o ON o.id = r.observation_id WHERE o.indicator = 'gdp' AND o.region = 'SC' AND o.period = '2022');
