import { useCallback, useEffect, useState } from 'react';
import type { ImportRecord, ImportUndo } from '../../../../shared/api/data-contract';
import { importProvenance } from '../../../../shared/format/import-provenance';
import { useApp } from '../../app-context';

/**
 * Every import with its provenance, newest first: file, format, counts, and what it said its rows
 * were (measure, release, conflict choice); undo removes exactly its rows, restores those it replaced
 * and takes away the indicators and regions it added that nothing uses any more, naming them.
 */
export function ImportHistory({ version, onUndone }: { version: number; onUndone: () => void }) {
  const { client, t, describeError, locale } = useApp();
  const [imports, setImports] = useState<ImportRecord[] | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Between two sentences: a space in English, nothing after a Chinese full stop. */
  const gap = locale === 'en' ? ' ' : '';
  const names = (entries: ImportUndo['removedIndicators']) => entries.map((e) => (locale === 'en' && e.nameEn) || e.nameZh).join(locale === 'en' ? ', ' : '、');
  const undoMessage = (r: ImportUndo) =>
    [
      t('data.history.undone', { id: r.importId, deleted: r.rowsDeleted, restored: r.rowsRestored }),
      r.removedIndicators.length ? t('data.history.removedIndicators', { names: names(r.removedIndicators) }) : '',
      r.removedRegions.length ? t('data.history.removedRegions', { names: names(r.removedRegions) }) : '',
    ]
      .filter(Boolean)
      .join(gap);

  const load = useCallback(() => client.call('imports.list', {}).then(setImports, (e: unknown) => setError(describeError(e))), [client, describeError]);

  useEffect(() => {
    void load();
  }, [load, version]);

  const undo = async (id: number) => {
    setConfirming(null);
    setError(null);
    try {
      const r = await client.call('imports.undo', { id });
      setMessage(undoMessage(r));
      await load();
      onUndone();
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <section className="import-history" aria-label={t('data.history.title')}>
      {message && <p className="summary" data-testid="history-message">{message}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {imports && imports.length === 0 && <p className="muted">{t('data.history.none')}</p>}
      {imports && imports.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="import-history">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('data.history.file')}</th>
                <th>{t('data.history.when')}</th>
                <th>{t('data.history.format')}</th>
                <th>{t('data.history.rows')}</th>
                <th>{t('data.history.provenance')}</th>
                <th>{t('data.history.note')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {imports.map((r) => (
                <tr key={r.id} data-import-id={r.id} className={r.undoneAt ? 'undone' : undefined}>
                  <td>{r.id}</td>
                  <td title={r.sha256}>{r.fileName}</td>
                  <td>{r.importedAt.slice(0, 19).replace('T', ' ')}</td>
                  <td>
                    {[r.encoding, r.sheet, r.layout ? t(`data.layout.${r.layout}`) : ''].filter(Boolean).join(' · ')}
                  </td>
                  <td>
                    {t(r.onConflict === 'revise' ? 'data.history.countsRevise' : 'data.history.counts', { read: r.rowsRead, written: r.rowsWritten, skipped: r.rowsSkipped, replaced: r.rowsReplaced })}
                    {r.blankCells > 0 && <> · {t('data.history.blank', { count: r.blankCells })}</>}
                  </td>
                  <td className="provenance" data-testid="import-provenance">{importProvenance(r, locale, (key) => t(key)) || '—'}</td>
                  <td className="source-cell" title={r.layout === 'seed' ? t('data.history.seedNote') : r.sourceNote}>
                    {r.layout === 'seed' ? t('data.history.seedNote') : r.sourceNote.split('\n').slice(-1)[0]}
                  </td>
                  <td>
                    {r.undoneAt ? (
                      <span className="tag">{t('data.history.undoneAt', { at: r.undoneAt.slice(0, 16).replace('T', ' ') })}</span>
                    ) : confirming === r.id ? (
                      <>
                        <button type="button" className="primary" onClick={() => void undo(r.id)} data-testid="confirm-undo-import">{t('data.history.confirmUndo')}</button>
                        <button type="button" onClick={() => setConfirming(null)}>{t('common.cancel')}</button>
                      </>
                    ) : (
                      <button type="button" onClick={() => setConfirming(r.id)} data-testid="undo-import">{t('data.history.undo')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
