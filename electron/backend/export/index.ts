// The export API the service, the CLI and the Electron shell call. Every file is rendered here, so
// the UI and the CLI write the same bytes for the same chart.
export { exportBriefing, type BriefingOptions, type BriefingProgress, type BriefingResult, type BriefingStep } from './briefing';
export { ExportError, type ExportErrorCode, type ExportErrorParams } from './errors';
export { fileSlug } from './file-slug';
export { FONT_ENV } from './font';
export { renderPdf } from './pdf';
export { MAX_DPI, MIN_DPI, renderPng, type PngOptions } from './png';
export { OFFICE_FONT, renderPptx, type PptxOptions } from './pptx';
export type { ExportApp } from './provenance';
export { renderSvg, type Background, type RenderEnv, type SvgOptions } from './svg';
export type { BriefingItem, PackOptions } from './types';
