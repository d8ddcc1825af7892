-- Written for the briefing charts (electron/backend/charts).

-- Where a series changes its definition: from `year` on, the (indicator, region) figures are measured
-- differently (重庆's share of GDP: 27.2% in 2021 on the city's old measure, 45.4% in 2022 on CAICT's
-- broad one). Charts break the line there and label it, so a change of definition is never drawn as
-- a year's growth.
CREATE TABLE definition_breaks (
  indicator TEXT NOT NULL REFERENCES indicators(code) ON UPDATE CASCADE ON DELETE CASCADE,
  region TEXT NOT NULL REFERENCES regions(code) ON UPDATE CASCADE ON DELETE CASCADE,
  year INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (indicator, region, year)
);
