import { useState, type DragEvent } from 'react';
import { useApp } from '../../app-context';
import { gapAt, moveItem, moveToGap } from './reorder';

export interface PackItem {
  chartId: number;
  notes: string;
  name: string;
  template: string;
  title: string;
}

/**
 * The pack's charts in slide order. Drag an item by its handle into a gap, or use the up/down
 * buttons from the keyboard; notes are written per chart and kept when the text box is left.
 */
export function BriefingItems({ items, onReorder, onRemove, onNotes, onNotesDone }: {
  items: PackItem[];
  onReorder: (items: PackItem[]) => void;
  onRemove: (index: number) => void;
  onNotes: (index: number, notes: string) => void;
  onNotesDone: () => void;
}) {
  const { t } = useApp();
  const [drag, setDrag] = useState<{ from: number; gap: number | null } | null>(null);

  const over = (index: number) => (event: DragEvent<HTMLLIElement>) => {
    if (!drag) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = event.currentTarget.getBoundingClientRect();
    const gap = gapAt(index, event.clientY - box.top, box.height);
    if (gap !== drag.gap) setDrag({ ...drag, gap });
  };

  const drop = (event: DragEvent<HTMLLIElement>) => {
    event.preventDefault();
    if (drag && drag.gap !== null) onReorder(moveToGap(items, drag.from, drag.gap));
    setDrag(null);
  };

  if (items.length === 0) return <p className="placeholder" data-testid="pack-empty">{t('briefing.empty')}</p>;
  return (
    <ol className="pack-items" data-testid="pack-items">
      {items.map((item, index) => {
        const gapClass = drag?.gap === index ? ' drop-before' : drag?.gap === index + 1 && index === items.length - 1 ? ' drop-after' : '';
        return (
          <li
            key={item.chartId}
            className={`pack-item${drag?.from === index ? ' dragging' : ''}${gapClass}`}
            data-chart-id={item.chartId}
            onDragOver={over(index)}
            onDrop={drop}
          >
            <span
              className="drag-handle"
              draggable
              title={t('briefing.drag')}
              aria-hidden="true"
              data-testid="drag-handle"
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', String(item.chartId));
                const row = event.currentTarget.closest('li');
                if (row) event.dataTransfer.setDragImage(row, 16, 16);
                setDrag({ from: index, gap: null });
              }}
              onDragEnd={() => setDrag(null)}
            />
            <span className="pack-item-index">{index + 1}</span>
            <div className="pack-item-body">
              <div className="pack-item-head">
                <span className="pack-item-name">{item.name || item.title}</span>
                <span className="muted small-text">{t(`charts.template.${item.template}`)}</span>
              </div>
              <textarea
                rows={2}
                value={item.notes}
                placeholder={t('briefing.notesHint')}
                aria-label={t('briefing.notesFor', { name: item.name || item.title })}
                onChange={(e) => onNotes(index, e.target.value)}
                onBlur={onNotesDone}
              />
            </div>
            <div className="pack-item-actions">
              <button type="button" className="icon" disabled={index === 0} onClick={() => onReorder(moveItem(items, index, index - 1))} aria-label={t('briefing.up')} title={t('briefing.up')}>
                ↑
              </button>
              <button type="button" className="icon" disabled={index === items.length - 1} onClick={() => onReorder(moveItem(items, index, index + 1))} aria-label={t('briefing.down')} title={t('briefing.down')}>
                ↓
              </button>
              <button type="button" className="icon" onClick={() => onRemove(index)} aria-label={t('briefing.remove')} title={t('briefing.remove')}>
                ×
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
