import { useState } from 'react';
import type { ExportFormat } from '../../../../shared/api/charts-contract';
import type { ExportedFile } from '../../../../shared/api/jobs-contract';
import type { ChartSpec } from '../../../../shared/charts/spec';
import { useApp } from '../../app-context';
import { saveFile } from '../../download';

const formats: ExportFormat[] = ['png', 'svg', 'pdf', 'pptx'];

function blobOf(file: ExportedFile): Blob {
  return new Blob([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], { type: file.mime });
}

const clipboardWrites = typeof navigator !== 'undefined' && Boolean(navigator.clipboard?.write) && typeof ClipboardItem !== 'undefined';

/** Puts an exported PNG (as an image) or SVG (as an image where supported, and as markup) on the clipboard. */
async function copyToClipboard(file: ExportedFile, format: 'png' | 'svg'): Promise<void> {
  const blob = blobOf(file);
  if (format === 'png') {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    return;
  }
  const markup = await blob.text();
  if (ClipboardItem.supports?.('image/svg+xml')) {
    await navigator.clipboard.write([new ClipboardItem({ 'image/svg+xml': blob, 'text/plain': new Blob([markup], { type: 'text/plain' }) })]);
  } else {
    await navigator.clipboard.writeText(markup);
  }
}

type Status = { kind: 'busy' | 'done' | 'error'; text: string } | null;

/**
 * One chart to a file: the saved chart when the designer holds no unsaved change, else the spec as
 * it is on screen. The backend renders every format, so the file is the CLI's for the same chart.
 */
export function ExportPanel({ chartId, spec, defaultDpi }: { chartId: number | null; spec: ChartSpec | null; defaultDpi: number }) {
  const { client, t, describeError } = useApp();
  const [dpi, setDpi] = useState(String(defaultDpi));
  const [background, setBackground] = useState<'white' | 'transparent'>('white');
  const [status, setStatus] = useState<Status>(null);
  const dpiNumber = Number(dpi);
  const dpiValid = Number.isInteger(dpiNumber) && dpiNumber >= 96 && dpiNumber <= 600;
  const disabled = !spec || status?.kind === 'busy';

  const render = (format: ExportFormat) => {
    const target = chartId !== null ? { id: chartId } : { spec };
    const extra = format === 'png' ? { dpi: dpiNumber, background } : format === 'svg' ? { background } : {};
    return client.call('export.chart', { ...target, format, ...extra });
  };

  const run = async (format: ExportFormat, action: 'download' | 'copy') => {
    setStatus({ kind: 'busy', text: t('charts.export.busy', { format: format.toUpperCase() }) });
    try {
      const file = await render(format);
      if (action === 'copy') {
        await copyToClipboard(file, format === 'png' ? 'png' : 'svg');
        setStatus({ kind: 'done', text: t('charts.export.copied', { format: format.toUpperCase() }) });
      } else {
        saveFile(file);
        setStatus({ kind: 'done', text: t('charts.export.saved', { file: file.fileName }) });
      }
    } catch (e) {
      setStatus({ kind: 'error', text: describeError(e) });
    }
  };

  return (
    <div className="export-panel" data-testid="export-panel">
      <div className="export-settings">
        <label className="inline-field">
          <span>{t('charts.export.dpi')}</span>
          <input type="number" min={96} max={600} step={1} className="narrow" value={dpi} aria-invalid={!dpiValid} onChange={(e) => setDpi(e.target.value)} data-testid="export-dpi" />
        </label>
        <label className="inline-field">
          <span>{t('charts.export.background')}</span>
          <select value={background} onChange={(e) => setBackground(e.target.value as 'white' | 'transparent')} data-testid="export-background">
            <option value="white">{t('charts.export.background.white')}</option>
            <option value="transparent">{t('charts.export.background.transparent')}</option>
          </select>
        </label>
        {!dpiValid && <span className="field-error">{t('charts.error.dpi', { min: 96, max: 600 })}</span>}
      </div>
      <div className="export-buttons">
        {formats.map((format) => (
          <button key={format} type="button" disabled={disabled || (format === 'png' && !dpiValid)} onClick={() => void run(format, 'download')} data-testid={`export-${format}`}>
            {t(`charts.export.${format}`)}
          </button>
        ))}
        {clipboardWrites && (
          <>
            <span className="toolbar-sep" aria-hidden="true" />
            <button type="button" disabled={disabled || !dpiValid} onClick={() => void run('png', 'copy')}>
              {t('charts.export.copyPng')}
            </button>
            <button type="button" disabled={disabled} onClick={() => void run('svg', 'copy')}>
              {t('charts.export.copySvg')}
            </button>
          </>
        )}
      </div>
      {status && (
        <p className={`export-status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="export-status">
          {status.text}
        </p>
      )}
      {chartId === null && spec && <p className="field-hint">{t('charts.export.unsaved')}</p>}
    </div>
  );
}
