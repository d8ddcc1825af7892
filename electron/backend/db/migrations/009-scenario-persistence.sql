-- Monte Carlo draws now have a persistence (docs/ENGINE.md, "Persistence"): "path" (each driver drawn
-- once per simulated path), "year" (drawn anew each year) or an AR(1) correlation ρ. Every scenario
-- version saved before drew each driver anew each year. New scenarios and the seeds now write "path",
-- so a saved definition must not depend on a default to keep its meaning: write "year" into every
-- saved definition that has uncertainty and names no persistence. Its Monte Carlo results stay the
-- same, draw for draw; a saved result never changes silently. Nothing else in a definition changes.
UPDATE scenario_versions
SET definition = json_set(definition, '$.uncertainty.persistence', 'year')
WHERE json_valid(definition)
  AND json_type(definition, '$.uncertainty') = 'object'
  AND json_type(definition, '$.uncertainty.persistence') IS NULL;
