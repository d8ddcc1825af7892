-- Descriptions in both languages, and the release dates the seed's sources give.
-- 1. Indicators and measures had one description, in whichever language it was written: the Chinese
--    screens showed English descriptions of seeded indicators and the English screens Chinese ones of
--    the measures. Each now has `description` (Chinese) and `description_en`. A seeded indicator whose
--    description is still the one the seed wrote gets both texts; one a user edited keeps its text,
--    in the language it was written, and gains an empty English text (the screens fall back to it).
-- 2. Seeded figures whose source names a date (the mayor's press conference of 2022-08-18, the action
--    plan's indicator table posted 2023-12-13, press reports) now carry it as their release date;
--    before, they counted as known from 1 January after their year. Only rows still as the seed wrote
--    them (same value, no release date yet) change. A view "as known on" a date between the two now
--    leaves such a figure out until its release date: that is the point of a release date.
--    Seeded GDP figures without a release label are first releases (初步核算数; 成都's rounded figures
--    come from its government work reports): they say so now instead of showing no release at all.
--    重庆 2020 (25002.79) is known to have been revised (to 25041.43, a third-party compilation, not
--    in the workspace): it is marked superseded, so 2021's growth over it is not computed across two
--    vintages.
-- 3. An earlier release keeps the measure it was on: a `revise` import that reclassifies a figure
--    (the same number, now on another measure) records a new release instead of counting it unchanged,
--    and the earlier release must still say which measure it was. NULL (every release kept before):
--    the measure of its observation.
-- 4. The English names of 重庆's two reported series said "(Chongqing's reported measure)", which read
--    as the city's earlier measure although their 2022 figures are on the broad one: they say
--    "(Chongqing, as reported)" now, where still as seeded.
-- 5. The seed import's source note, written in English, is replaced by the Chinese one the seed now
--    writes (the import history shows it translated in English).
ALTER TABLE indicators ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
ALTER TABLE observation_releases ADD COLUMN measure TEXT;

UPDATE measures SET description_en = 'Indicators the statistics offices publish as a matter of course (GDP, revenue, …): one measure only.' WHERE code = 'standard';
UPDATE measures SET description_en = 'Digital economy value added as Chongqing measured it before 2022 (the city''s 14th five-year digital economy plan; the mayor''s 2021 figure). Not comparable with CAICT''s broad measure.' WHERE code = 'cq-earlier';
UPDATE measures SET description_en = 'CAICT''s digital economy at current prices: digital industrialisation + industrial digitalisation (later also digital governance and data valorisation). The pilot-zone plan''s trillion-yuan and 40% targets and the action plan''s 50% use this measure.' WHERE code = 'caict-broad';
UPDATE measures SET description_en = 'Value added of the digital economy''s core industries on NBS''s 2021 classification (数字经济及其核心产业统计分类): far smaller than the broad measure.' WHERE code = 'nbs-core';

UPDATE indicators SET description = '现价地区生产总值；全国为国内生产总值。除行注另有说明外为初步核算数。', description_en = 'GDP at current prices; for 全国 the 国内生产总值. Initial releases unless a note says otherwise.' WHERE code = 'gdp' AND description = 'GDP at current prices; for 全国 the 国内生产总值. Initial releases unless a note says otherwise.';
UPDATE indicators SET description = '中国信通院（CAICT）口径的数字经济规模（数字产业化 + 产业数字化，后加数字化治理、数据价值化），现价。试验区方案“万亿级”目标即此口径。不可与核心产业增加值混为一个序列。', description_en = 'Digital economy at current prices on CAICT''s measure (digital industrialisation + industrial digitalisation, later also digital governance and data valorisation). The trillion-yuan (万亿级) target of the pilot-zone plan uses this measure. Never one series with the core industries'' value added.' WHERE code = 'de_scale' AND description = '中国信通院（CAICT）口径的数字经济规模（数字产业化 + 产业数字化，后加数字化治理、数据价值化），现价。试验区方案“万亿级”目标即此口径。不可与核心产业增加值混为一个序列。';
UPDATE indicators SET description = '信通院广义口径的数字经济规模除以同年GDP。试验区方案40%的目标按此口径。', description_en = 'CAICT broad measure divided by the same year''s GDP. The plan''s 40% target uses this measure.' WHERE code = 'de_share_gdp' AND description = 'CAICT broad measure divided by the same year''s GDP. The plan''s 40% target uses this measure.';
UPDATE indicators SET description = '重庆市内来源公布的数字经济增加值；口径随时间变化（见各行注）。', description_en = 'As reported for Chongqing by city sources; the definition changed over time (see the notes on each row).' WHERE code = 'de_va' AND description = 'As reported for Chongqing by city sources; the definition changed over time (see the notes on each row).';
UPDATE indicators SET description = '重庆公布的数字经济增加值占GDP比重。2021年（27.2%）与2022年（45.4%）之间口径变化。', description_en = 'Chongqing''s reported share. Definition break between 2021 (27.2%) and 2022 (45.4%).' WHERE code = 'de_va_share_gdp' AND description = 'Chongqing''s reported share. Definition break between 2021 (27.2%) and 2022 (45.4%).';
UPDATE indicators SET description = '公布的同比增速（2020年上半年比2019年上半年）。', description_en = 'Year-on-year growth as reported (H1 2020 against H1 2019).' WHERE code = 'de_va_growth' AND description = 'Year-on-year growth as reported (H1 2020 against H1 2019).';
UPDATE indicators SET description = '行注所述期间的年均增速，记在期末年份。', description_en = 'Average annual growth over the span given in the note; stored at the span''s last year.' WHERE code = 'de_va_cagr' AND description = 'Average annual growth over the span given in the note; stored at the span''s last year.';
UPDATE indicators SET description = '国家统计局《数字经济及其核心产业统计分类(2021)》的核心产业增加值：远小于 CAICT 的数字经济规模，不可混为一个序列。', description_en = 'Core industries'' value added on NBS''s 2021 classification (数字经济及其核心产业统计分类): far smaller than CAICT''s digital economy; never one series with it.' WHERE code = 'de_core_va' AND description = '国家统计局《数字经济及其核心产业统计分类(2021)》的核心产业增加值：远小于 CAICT 的数字经济规模，不可混为一个序列。';
UPDATE indicators SET description = '数字经济核心产业增加值除以同年GDP。', description_en = 'Core industries'' value added over the same year''s GDP.' WHERE code = 'de_core_share_gdp' AND description = 'Core industries'' value added over the same year''s GDP.';
UPDATE indicators SET description = '软件和信息服务业的业务收入。', description_en = 'Revenue of the software and information services industry.' WHERE code = 'software_revenue' AND description = 'Revenue of the software and information services industry.';
UPDATE indicators SET description = '2018年报道的重庆大数据智能化产业销售收入（当时目标：2018年4400亿元，2020年7500亿元）。', description_en = 'Sales revenue of Chongqing''s 大数据智能化 industries as reported in 2018 (targets then: 4400 in 2018, 7500 by 2020).' WHERE code = 'bigdata_ai_sales' AND description = 'Sales revenue of Chongqing''s 大数据智能化 industries as reported in 2018 (targets then: 4400 in 2018, 7500 by 2020).';
UPDATE indicators SET description = '在重庆集聚的规模以上数字经济核心产业企业数。', description_en = 'Number of enterprises above designated size in the core industries gathered in Chongqing.' WHERE code = 'de_core_enterprises' AND description = 'Number of enterprises above designated size in the core industries gathered in Chongqing.';
UPDATE indicators SET description = '信通院口径的组成部分。重庆无公布数：拆分重庆数字经济的情景须把拆分标为示意。', description_en = 'CAICT component. No published figure for Chongqing: a scenario that splits Chongqing''s digital economy must label the split illustrative.' WHERE code = 'de_digital_industrialisation' AND description = 'CAICT component. No published figure for Chongqing: a scenario that splits Chongqing''s digital economy must label the split illustrative.';
UPDATE indicators SET description = '信通院口径的组成部分。重庆无公布数：拆分重庆数字经济的情景须把拆分标为示意。', description_en = 'CAICT component. No published figure for Chongqing: a scenario that splits Chongqing''s digital economy must label the split illustrative.' WHERE code = 'de_industry_digitalisation' AND description = 'CAICT component. No published figure for Chongqing: a scenario that splits Chongqing''s digital economy must label the split illustrative.';

UPDATE observations SET released = '2020-11-17', release_label = '新闻报道' WHERE indicator = 'de_va' AND region = 'CQ' AND period = '2020H1' AND value = 2754.5 AND released = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET released = '2020-11-17', release_label = '新闻报道' WHERE indicator = 'de_va_growth' AND region = 'CQ' AND period = '2020H1' AND value = 15.6 AND released = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET released = '2022-08-18', release_label = '新闻发布会' WHERE indicator = 'de_va_share_gdp' AND region = 'CQ' AND period = '2021' AND value = 27.2 AND released = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET released = '2023-12-13', release_label = '《行动计划》指标表' WHERE indicator = 'de_va_share_gdp' AND region = 'CQ' AND period = '2022' AND value = 45.4 AND released = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET released = '2022-08-23', release_label = '新闻报道' WHERE indicator = 'de_va_cagr' AND region = 'CQ' AND period = '2021' AND value = 16 AND released = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET released = '2022-08-23', release_label = '新闻报道' WHERE indicator = 'de_core_enterprises' AND region = 'CQ' AND period = '2021' AND value = 1704 AND released = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET released = '2018-08-27', release_label = '新闻报道' WHERE indicator = 'bigdata_ai_sales' AND region = 'CQ' AND period = '2017' AND value = 3500 AND released = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET released = '2022-08-18', release_label = '推算' WHERE indicator = 'de_va' AND region = 'CQ' AND period = '2021' AND value = 7587.17 AND released = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET released = '2023-12-13', release_label = '推算' WHERE indicator = 'de_va' AND region = 'CQ' AND period = '2022' AND value = 13224.58 AND released = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');

UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2019' AND value = 23605.77 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数', superseded = 1 WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2020' AND value = 25002.79 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2021' AND value = 27894.02 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2022' AND value = 29129.03 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2023' AND value = 30145.79 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2024' AND value = 32193.15 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'SC' AND period = '2019' AND value = 46615.8 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'SC' AND period = '2020' AND value = 48598.8 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'SC' AND period = '2021' AND value = 53850.79 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'SC' AND period = '2023' AND value = 60132.9 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '政府工作报告' WHERE indicator = 'gdp' AND region = 'CD' AND period = '2019' AND value = 17000 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CD' AND period = '2020' AND value = 17716.67 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '政府工作报告' WHERE indicator = 'gdp' AND region = 'CD' AND period = '2021' AND value = 19900 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CD' AND period = '2023' AND value = 22074.72 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CD' AND period = '2024' AND value = 23511.3 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CN' AND period = '2019' AND value = 990865 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CN' AND period = '2020' AND value = 1015986 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CN' AND period = '2021' AND value = 1143670 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CN' AND period = '2022' AND value = 1210207 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CN' AND period = '2023' AND value = 1260582 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
UPDATE observations SET release_label = '初步核算数' WHERE indicator = 'gdp' AND region = 'CN' AND period = '2024' AND value = 1349084 AND release_label = '' AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');

UPDATE indicators SET name_en = 'Digital economy value added (Chongqing, as reported)' WHERE code = 'de_va' AND name_en = 'Digital economy value added (Chongqing''s reported measure)';
UPDATE indicators SET name_en = 'Digital economy value added, share of GDP (Chongqing, as reported)' WHERE code = 'de_va_share_gdp' AND name_en = 'Digital economy value added, share of GDP (Chongqing''s reported measure)';

UPDATE imports SET source_note = '已公布数据汇编：每行注明发布机构、文件与可信度。' WHERE layout = 'seed' AND source_note = 'Published figures compiled in DOMAIN.md; see each row’s source and confidence.';
