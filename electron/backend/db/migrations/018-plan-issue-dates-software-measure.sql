-- Two labels the targets monitor got wrong (DOMAIN.md, Plan C and the published figures).
--
-- 1. The action plan (行动计划, plan C) was posted on 2023-12-13, not just "2023-12": the monitor,
--    viewing the data as known on a date, lists a plan's targets only from the day it was issued, so
--    its issue date is kept to the day. Only a date still as the seed wrote it changes.
UPDATE plans SET issued = '2023-12-13' WHERE code = 'C' AND issued = '2023-12';

-- 2. 软件业务收入 (2008.2亿元 in 2020, 2705亿元 in 2022) comes from the industry's own reports
--    (重庆软件和信息服务业发展报告 via 人民网, 华龙网), with 市经济信息委 as the data provider the plan's
--    table names, not from the statistics offices' regular releases: it was labelled 统计部门常规口径.
--    It gets a measure of its own, and the plan's target C6, worded 软件和信息服务业收入 in the plan's
--    table (whose 2022 value, 2705亿元, is this figure), says which indicator judges it. An indicator a
--    user moved to another measure, and a note a user edited, keep what they hold.
INSERT OR IGNORE INTO measures (code, name_zh, name_en, description, description_en, publisher, source, sort) VALUES
  ('industry', '行业主管部门数据', 'industry authority data',
   '行业主管部门及行业发展报告发布的数据（如软件业务收入），不是统计部门的常规发布。',
   'Figures published by the industry''s authority and its development reports (software business revenue, for one), not the statistics offices'' regular releases.',
   '市经济信息委', '重庆软件和信息服务业发展报告；华龙网', 4);
UPDATE indicators
SET measure = 'industry',
    description = CASE description WHEN '软件和信息服务业的业务收入。' THEN '软件和信息服务业的软件业务收入，行业主管部门数据（重庆软件和信息服务业发展报告；华龙网）。行动计划表1的“软件和信息服务业收入”2022年2705亿元即此数。' ELSE description END,
    description_en = CASE description_en WHEN 'Revenue of the software and information services industry.' THEN 'Software business revenue of the software and information services industry, from the industry authority (Chongqing software and information services industry report; Hualong.net). The action plan''s table gives the same 2705亿元 for 2022 as 软件和信息服务业收入.' ELSE description_en END
WHERE code = 'software_revenue' AND measure = 'standard';
UPDATE observations SET measure = NULL WHERE indicator = 'software_revenue' AND measure = 'standard';
UPDATE targets
SET note = '2022年：2705亿元；数据提供：市经济信息委；按指标“软件业务收入”（行业主管部门数据）判断，计划表2022年值与之相同'
WHERE code = 'C6' AND note = '2022年：2705亿元；数据提供：市经济信息委';
