import type { ReactElement } from 'react';
import type { TemplateId } from '../../../../shared/charts/spec';

const blue = '#1f5fa8';
const light = '#9dbbe0';
const red = '#b3261e';
const amber = '#e69f00';

/** A small drawing of what each template looks like, for the template cards. */
const drawings: Record<TemplateId, ReactElement> = {
  'target-trajectory': (
    <>
      <line x1="2" y1="5" x2="34" y2="5" stroke={red} strokeWidth="1.5" />
      <polyline points="2,19 10,16 18,13" fill="none" stroke={blue} strokeWidth="2" />
      <polyline points="18,13 26,10 34,6" fill="none" stroke={blue} strokeWidth="2" strokeDasharray="3 2" />
    </>
  ),
  'share-of-gdp': (
    <>
      <line x1="2" y1="8" x2="34" y2="8" stroke={red} strokeWidth="1.2" strokeDasharray="2 2" />
      <polyline points="2,18 9,17 15,15" fill="none" stroke={blue} strokeWidth="2" />
      <polyline points="20,10 27,8 34,6" fill="none" stroke={blue} strokeWidth="2" />
    </>
  ),
  'scenario-fan': (
    <>
      <polygon points="2,17 34,3 34,21" fill={light} opacity="0.5" />
      <polygon points="2,17 34,8 34,16" fill={light} />
      <polyline points="2,17 34,12" fill="none" stroke={blue} strokeWidth="1.6" />
    </>
  ),
  tornado: (
    <>
      <rect x="3" y="2" width="30" height="4" fill={blue} />
      <rect x="8" y="9" width="20" height="4" fill={blue} />
      <rect x="13" y="16" width="10" height="4" fill={blue} />
      <line x1="18" y1="0" x2="18" y2="22" stroke="#333" strokeWidth="0.8" />
    </>
  ),
  'stacked-components': (
    <>
      <polygon points="2,21 2,14 18,11 34,6 34,21" fill={blue} />
      <polygon points="2,21 2,18 18,16 34,13 34,21" fill={light} />
    </>
  ),
  'contribution-waterfall': (
    <>
      <rect x="2" y="10" width="6" height="11" fill={blue} />
      <rect x="10" y="5" width="6" height="5" fill="#4c9a5b" />
      <rect x="18" y="5" width="6" height="3" fill={red} />
      <rect x="26" y="8" width="6" height="13" fill={blue} />
    </>
  ),
  'regional-comparison': (
    <>
      <rect x="3" y="8" width="5" height="13" fill={blue} />
      <rect x="9" y="12" width="5" height="9" fill={amber} />
      <rect x="20" y="4" width="5" height="17" fill={blue} />
      <rect x="26" y="9" width="5" height="12" fill={amber} />
    </>
  ),
  'indicator-series': (
    <>
      <polyline points="2,18 12,14 22,11 34,5" fill="none" stroke={blue} strokeWidth="2" />
      <polyline points="2,7 12,10 22,9 34,15" fill="none" stroke={amber} strokeWidth="2" />
    </>
  ),
  'target-progress': (
    <>
      <rect x="2" y="4" width="32" height="5" fill="#d9dee5" />
      <rect x="2" y="4" width="24" height="5" fill={blue} />
      <rect x="2" y="13" width="32" height="5" fill="#d9dee5" />
      <rect x="2" y="13" width="12" height="5" fill={blue} />
      <line x1="20" y1="11" x2="20" y2="20" stroke={red} strokeWidth="1.5" />
    </>
  ),
};

export function TemplateIcon({ template }: { template: TemplateId }) {
  return (
    <svg width="36" height="22" viewBox="0 0 36 22" aria-hidden="true">
      {drawings[template]}
    </svg>
  );
}
