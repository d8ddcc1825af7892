-- The workspace schema. Money is stored in 亿元; every observation keeps the text it came from.
CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'province' -- municipality, province, city, country
);

CREATE TABLE indicators (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT ''
);

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  encoding TEXT NOT NULL DEFAULT '',
  sheet TEXT,
  layout TEXT NOT NULL DEFAULT '',
  mapping TEXT NOT NULL DEFAULT '{}',
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_written INTEGER NOT NULL DEFAULT 0,
  rows_skipped INTEGER NOT NULL DEFAULT 0,
  rows_replaced INTEGER NOT NULL DEFAULT 0,
  source_note TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL,
  undone_at TEXT
);
CREATE INDEX imports_sha256 ON imports(sha256);

CREATE TABLE observations (
  id INTEGER PRIMARY KEY,
  indicator TEXT NOT NULL REFERENCES indicators(code) ON UPDATE CASCADE,
  region TEXT NOT NULL REFERENCES regions(code) ON UPDATE CASCADE,
  period TEXT NOT NULL,          -- '2022', '2020Q1', '2020H1', '2020M03'
  year INTEGER NOT NULL,
  value REAL,                    -- NULL when missing, never 0
  unit TEXT NOT NULL DEFAULT '',
  original TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('actual', 'estimate', 'target', 'illustrative', 'derived')),
  import_id INTEGER REFERENCES imports(id),
  source TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator, region, period, status)
);
CREATE INDEX observations_import ON observations(import_id);
CREATE INDEX observations_region ON observations(region, indicator, period);
CREATE INDEX observations_year ON observations(year, id);
CREATE INDEX observations_value ON observations(value, id);
CREATE INDEX observations_status ON observations(status, id);

-- Rows an import replaced, so that undoing the import restores them.
CREATE TABLE import_replaced (
  import_id INTEGER NOT NULL REFERENCES imports(id),
  indicator TEXT NOT NULL,
  region TEXT NOT NULL,
  period TEXT NOT NULL,
  year INTEGER NOT NULL,
  value REAL,
  unit TEXT NOT NULL,
  original TEXT NOT NULL,
  status TEXT NOT NULL,
  prior_import_id INTEGER,
  source TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX import_replaced_import ON import_replaced(import_id);

CREATE TABLE edits (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,          -- 'observation', 'target', 'plan', ...
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  edited_at TEXT NOT NULL,
  undone_at TEXT
);

CREATE TABLE plans (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  issuer TEXT NOT NULL DEFAULT '',
  issued TEXT NOT NULL DEFAULT '',
  horizon INTEGER,
  source TEXT NOT NULL DEFAULT '',
  retired_at TEXT
);

CREATE TABLE targets (
  code TEXT PRIMARY KEY,
  plan TEXT NOT NULL REFERENCES plans(code) ON UPDATE CASCADE,
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL DEFAULT '',
  area TEXT NOT NULL DEFAULT '',
  comparator TEXT NOT NULL DEFAULT '>=' CHECK (comparator IN ('>=', '>', '=', '<=', '<', 'qualitative')),
  value REAL,
  unit TEXT NOT NULL DEFAULT '',
  deadline INTEGER,
  indicator TEXT REFERENCES indicators(code) ON UPDATE CASCADE,
  region TEXT REFERENCES regions(code) ON UPDATE CASCADE,
  quote TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0,
  retired_at TEXT
);

CREATE TABLE scenarios (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  basis TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);

CREATE TABLE scenario_versions (
  id INTEGER PRIMARY KEY,
  scenario_id INTEGER NOT NULL REFERENCES scenarios(id),
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,      -- the scenario's JSON form
  saved_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (scenario_id, version)
);

CREATE TABLE charts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  spec TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE briefings (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE briefing_items (
  briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  chart_id INTEGER NOT NULL REFERENCES charts(id),
  notes TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (briefing_id, position)
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
