// Colours for screen, print and colour-blind readers. Grayscale cannot tell series apart by hue, so
// every palette also gives distinct marker shapes, and projections are told apart by dashes, not colour.
import type { PaletteId } from './spec';

export interface Palette {
  series: readonly string[];
  symbols: readonly string[];
  target: string;
  /** The background of the projection period. */
  projectionShade: string;
  band: string;
  increase: string;
  decrease: string;
  total: string;
  met: string;
  onTrack: string;
  behind: string;
  /** The "100% of target" track of a progress bar. */
  track: string;
  text: string;
  mutedText: string;
  axis: string;
  grid: string;
}

const symbols = ['circle', 'rect', 'triangle', 'diamond', 'emptyCircle', 'emptyRect', 'emptyTriangle', 'emptyDiamond'] as const;

const palettes: Record<PaletteId, Palette> = {
  default: {
    series: ['#1f5fa8', '#d9822b', '#2a9d8f', '#8e5ea2', '#6b8e23', '#b5651d', '#4a6fa5', '#7f7f7f'],
    symbols,
    target: '#c0392b',
    projectionShade: 'rgba(120, 130, 150, 0.10)',
    band: '#1f5fa8',
    increase: '#2a9d8f',
    decrease: '#c0392b',
    total: '#1f5fa8',
    met: '#2a9d8f',
    onTrack: '#1f5fa8',
    behind: '#d9822b',
    track: '#e3e6eb',
    text: '#1d2430',
    mutedText: '#5b6472',
    axis: '#8a919c',
    grid: '#e3e6eb',
  },
  // Okabe & Ito (2008): distinguishable under the common colour-vision deficiencies.
  colorblind: {
    series: ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#F0E442', '#000000'],
    symbols,
    target: '#D55E00',
    projectionShade: 'rgba(0, 0, 0, 0.07)',
    band: '#0072B2',
    increase: '#009E73',
    decrease: '#D55E00',
    total: '#0072B2',
    met: '#009E73',
    onTrack: '#0072B2',
    behind: '#E69F00',
    track: '#e6e6e6',
    text: '#000000',
    mutedText: '#4d4d4d',
    axis: '#808080',
    grid: '#e6e6e6',
  },
  grayscale: {
    series: ['#000000', '#5a5a5a', '#8c8c8c', '#b4b4b4', '#2d2d2d', '#737373'],
    symbols,
    target: '#000000',
    projectionShade: 'rgba(0, 0, 0, 0.08)',
    band: '#4d4d4d',
    increase: '#4d4d4d',
    decrease: '#b4b4b4',
    total: '#000000',
    met: '#000000',
    onTrack: '#5a5a5a',
    behind: '#a6a6a6',
    track: '#e6e6e6',
    text: '#000000',
    mutedText: '#4d4d4d',
    axis: '#7a7a7a',
    grid: '#e0e0e0',
  },
};

export function paletteFor(id: PaletteId): Palette {
  return palettes[id];
}

export function seriesColor(palette: Palette, index: number): string {
  return palette.series[index % palette.series.length]!;
}

export function seriesSymbol(palette: Palette, index: number): string {
  return palette.symbols[index % palette.symbols.length]!;
}

/** `#rrggbb` with an alpha, for fills that must let the grid show through. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
