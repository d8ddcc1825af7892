-- What an import said its rows were, so that the import history can show it: the measure (口径) it
-- assigned (NULL: the indicators' own, or per row from the file), the release it recorded (date, ISO,
-- '' when none given, and label) and the conflict rule it ran under ('revise' keeps the workspace's
-- figures as earlier releases). Imports made before carry the defaults: nothing was said.
ALTER TABLE imports ADD COLUMN measure TEXT;
ALTER TABLE imports ADD COLUMN released TEXT NOT NULL DEFAULT '';
ALTER TABLE imports ADD COLUMN release_label TEXT NOT NULL DEFAULT '';
ALTER TABLE imports ADD COLUMN on_conflict TEXT NOT NULL DEFAULT '';
