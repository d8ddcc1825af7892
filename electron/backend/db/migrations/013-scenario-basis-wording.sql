-- Written for the scenarios (electron/backend/scenarios): the seeded 2020 scenarios' basis text ended
-- with an internal code, "本情景按重庆市此前口径（measure: cq-earlier）", shown to people on the
-- scenario screen and by `workbench scenario show`. The words name the measure already; the code
-- goes. Only that exact phrase changes, in the scenario and in each of its saved versions; no number
-- or other field of a definition changes.
UPDATE scenarios
SET basis = replace(basis, '本情景按重庆市此前口径（measure: cq-earlier）', '本情景按重庆市此前口径')
WHERE instr(basis, '本情景按重庆市此前口径（measure: cq-earlier）') > 0;

UPDATE scenario_versions
SET definition = json_set(definition, '$.basis', replace(json_extract(definition, '$.basis'), '本情景按重庆市此前口径（measure: cq-earlier）', '本情景按重庆市此前口径'))
WHERE json_valid(definition)
  AND instr(json_extract(definition, '$.basis'), '本情景按重庆市此前口径（measure: cq-earlier）') > 0;
