-- Written for the series layer (electron/backend/series): a figure without a release date counts as
-- known from 1 January after its year (shared/series/vintage.ts knownFrom). That is right for a
-- yearly bulletin, but not for 重庆's 2020 core-industry share (7.3%): its only source is 重庆邮电大学's
-- 重庆市数字经济创新发展报告(2023), so `--vintage 2021-12-31` showed a figure first published in 2023.
-- The report gives no day; the seeded row now counts from the start of its year, labelled 报告年份 (report
-- year) to say so. Only that seeded row changes, and only while it still has no release date.
UPDATE observations
SET released = '2023-01-01', release_label = '报告年份'
WHERE indicator = 'de_core_share_gdp' AND region = 'CQ' AND period = '2020' AND value = 7.3 AND released = ''
  AND source = '重庆邮电大学 重庆市数字经济创新发展报告(2023)（重庆日报）'
  AND import_id IN (SELECT id FROM imports WHERE layout = 'seed');
