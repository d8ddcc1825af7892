-- The targets monitor: progress recorded by hand for targets without an indicator, an analyst's
-- assessment for qualitative ones, and the plans' task registers.
ALTER TABLE targets ADD COLUMN assessment TEXT CHECK (assessment IN ('met', 'on-track', 'at-risk', 'missed'));
ALTER TABLE targets ADD COLUMN assessment_note TEXT NOT NULL DEFAULT '';

CREATE TABLE target_actuals (
  id INTEGER PRIMARY KEY,
  target TEXT NOT NULL REFERENCES targets(code) ON UPDATE CASCADE ON DELETE CASCADE,
  year INTEGER NOT NULL,
  value REAL NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL,
  UNIQUE (target, year)
);

-- Headings of a plan's task register: the seven areas of plan A, the 4+1 actions of plan B.
CREATE TABLE task_areas (
  plan TEXT NOT NULL REFERENCES plans(code) ON UPDATE CASCADE,
  code TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (plan, code)
);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  plan TEXT NOT NULL,
  area TEXT NOT NULL,
  title TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started', 'in-progress', 'done', 'delayed', 'cancelled')),
  due TEXT,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  FOREIGN KEY (plan, area) REFERENCES task_areas(plan, code) ON UPDATE CASCADE
);
CREATE INDEX tasks_plan_area ON tasks(plan, area);
