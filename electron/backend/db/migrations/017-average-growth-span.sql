-- 重庆's digital economy value added "grew 16% a year on average in 2018-2021" (经济日报 2022-08-23).
-- The seed stored it on an indicator named only 数字经济增加值年均增速（重庆）, at period 2021 (the span
-- was in the row's note), so the grid, a chart or the quick look showed "2021: 16%", which reads as
-- the growth of 2021 alone. The indicator now names its span, first, so that a grid column too narrow
-- for the whole name still shows it (2018—2021年数字经济增加值年均增速（重庆）; in English "2018–2021
-- average annual growth, …"), and its description says that it is an average over the span, stored at
-- its last year. The figure keeps its period, year, value and release: a period in the workspace is a
-- year, half, quarter or month, and the series layer and the data as known on a date read a figure by
-- its year; it is the name that says the span.
-- Only an indicator still under its seeded name and holding nothing but the seeded figure changes (a
-- user who renamed it, or put figures of other spans on it, keeps what fits them), and each other text
-- only while it is still the one the seed wrote. No starting chart or scenario reads this indicator; a
-- chart a user made of it shows the same figure under the name that says what it is.
UPDATE indicators
SET name_zh = '2018—2021年数字经济增加值年均增速（重庆）',
    name_en = CASE name_en WHEN 'Digital economy value added, average annual growth (Chongqing)' THEN '2018–2021 average annual growth, digital economy value added (Chongqing)' ELSE name_en END,
    description = CASE description WHEN '行注所述期间的年均增速，记在期末年份。' THEN '2018—2021年间的年均增速（经济日报2022-08-23）：这一期间的平均，不是2021年一年的增速；记在期末年份2021年。' ELSE description END,
    description_en = CASE description_en WHEN 'Average annual growth over the span given in the note; stored at the span''s last year.' THEN 'Average annual growth over 2018–2021 (Economic Daily, 2022-08-23): an average over the span, not the growth of 2021 alone; stored at the span''s last year, 2021.' ELSE description_en END
WHERE code = 'de_va_cagr' AND name_zh = '数字经济增加值年均增速（重庆）'
  AND NOT EXISTS (
    SELECT 1 FROM observations o
    WHERE o.indicator = 'de_va_cagr'
      AND NOT (o.region = 'CQ' AND o.period = '2021' AND o.value = 16 AND o.import_id IN (SELECT id FROM imports WHERE layout = 'seed'))
  );
