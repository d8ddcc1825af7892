-- Written for the series layer (electron/backend/series): a figure without a release date counts as
-- known from 1 January after its year (shared/series/vintage.ts knownFrom). That is right for a
-- yearly bulletin, but not for 重庆's 2020 core-industry share (7.3%): its only source is 重庆邮电大学's
-- 重庆市数字经济创新发展报告(2023), so `--vintage 2021-12-31` showed a figure first published in 2023.
-- The report gives no day; its seeded rows (the 2020 share, and 2022's 2240.6亿元 and 7.7%, whose
-- date the rule happened to get right) now count from the start of its year, labelled 报告年份
-- (report year) to say so. Only those seeded rows change, and only while they have no release date.
UPDATE observations
SET released = '2023-01-01', release_label = '报告年份'
WHERE region = 'CQ' AND released = ''
  AND ((indicator = 'de_core_share_gdp' AND period = '2020' AND value = 7.3)
    OR (indicator = 'de_core_va' AND period = '2022' AND value = 2240.6)
    OR (indicator = 'de_core_share_gdp' AND period = '2022' AND value = 7.7))
  AND source = '重庆邮电大学 重庆市数字经济创新发展报告(2023)（重庆日报）'
  AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
