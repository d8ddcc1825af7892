// What the first briefing-pack export loads: the pack, whose renderers (ECharts, PDFKit, ExcelJS,
// PptxGenJS) are imported by its steps as they come (briefing.ts), and the types callers share. A
// one-chart export imports its format's module directly (handlers.ts). Every file is rendered by
// these modules, so the UI and the CLI write the same bytes for the same chart.
export { exportBriefing, type BriefingOptions, type BriefingProgress, type BriefingResult, type BriefingStep } from './briefing';
export { ExportError, type ExportErrorCode, type ExportErrorParams } from './errors';
export { fileSlug } from './file-slug';
export { FONT_ENV } from './font';
export { MAX_DPI, MIN_DPI, type PngOptions } from './png';
export type { PptxOptions } from './pptx';
export type { ExportApp } from './provenance';
export type { Background, RenderEnv, SvgOptions } from './svg';
export type { BriefingItem, PackOptions } from './types';
