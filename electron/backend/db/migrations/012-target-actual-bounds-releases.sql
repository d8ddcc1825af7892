-- Written for the targets monitor (electron/backend/targets): a value recorded by hand for a target
-- says, like any published figure, whether it is exact or a bound and when it was published.

-- 1. Bound and release of a recorded actual. Before, every recorded value was taken as exact and as
--    known from the end of its year.
ALTER TABLE target_actuals ADD COLUMN bound TEXT NOT NULL DEFAULT 'exact' CHECK (bound IN ('exact', 'lower', 'upper', 'approx'));
ALTER TABLE target_actuals ADD COLUMN released TEXT NOT NULL DEFAULT '';

-- 2. The seed's recorded actuals, where their sources say it (only rows still as seeded): the
--    newspaper of 2020-06-23 reports "总投资约296亿元" (approximate) and the counts of 658 and 73
--    projects; Plan C's table gives 2022's 7356 and was issued on 2023-12-13.
UPDATE target_actuals SET released = '2020-06-23'
  WHERE target IN ('B6', 'B7', 'B8') AND year = 2020 AND source = '重庆日报 2020-06-23（张亦筑）' AND released = '';
UPDATE target_actuals SET bound = 'approx'
  WHERE target = 'B8' AND year = 2020 AND value = 296 AND note = '原文：总投资约296亿元';
UPDATE target_actuals SET released = '2023-12-13'
  WHERE target = 'C5' AND year = 2022 AND value = 7356 AND source LIKE '《重庆市数字经济创新发展行动计划》表1（2023-12-13%' AND released = '';
