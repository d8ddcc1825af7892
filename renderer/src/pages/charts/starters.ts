// The starter charts' texts in both languages, for the designer's suggestions: the seed's Chinese
// (data/seed/charts.json, as the backend seeds it) beside the English of shared/i18n/starter-charts.ts.
import chartsSeed from '../../../../data/seed/charts.json';
import { starterTexts } from '../../../../shared/i18n/starter-charts';

export const starters = starterTexts(chartsSeed.briefing.charts);
