import { useMemo } from 'react';
import { buildOption } from '../../../../shared/charts/build-option';
import { resolveSize } from '../../../../shared/charts/spec';
import { useApp } from '../../app-context';
import { chartBuildMessage } from './chart-errors';
import { useElementSize, useSavedChart } from './hooks';
import { fitScale } from './layout';
import { ScaledChart } from './ScaledChart';
import type { PackItem } from './BriefingItems';

/** Slide size of the exported deck (16:9), in CSS px: the chart is fitted into it as on the slide. */
const SLIDE = { width: 960, height: 540 };

function Slide({ item, number, version, width }: { item: PackItem; number: number; version: string; width: number }) {
  const { t } = useApp();
  const loaded = useSavedChart(item.chartId, version);
  const option = useMemo(() => {
    if (!loaded || 'error' in loaded) return null;
    try {
      return { kind: 'option' as const, option: buildOption(loaded.spec, loaded.data), size: resolveSize(loaded.spec.size) };
    } catch (e) {
      const message = chartBuildMessage(e);
      return { kind: 'error' as const, error: message ? t(message.key, message.params) : String(e) };
    }
  }, [loaded, t]);
  const slideScale = width / SLIDE.width;
  const slideHeight = SLIDE.height * slideScale;
  const error = loaded && 'error' in loaded ? loaded.error : option?.kind === 'error' ? option.error : null;
  return (
    <figure className="slide" data-testid="slide">
      <div className="slide-frame" style={{ width, height: slideHeight }}>
        <span className="slide-number">{number}</span>
        {option?.kind === 'option' && (
          <ScaledChart option={option.option} width={option.size.width} height={option.size.height} scale={fitScale(option.size.width, option.size.height, { width: width - 12, height: slideHeight - 12 })} />
        )}
        {error && <p className="preview-error">{error}</p>}
        {!loaded && <p className="muted">{t('common.loading')}</p>}
      </div>
      <figcaption>
        <strong>{item.name || item.title}</strong>
        <span className={item.notes ? 'slide-notes' : 'slide-notes muted'}>{item.notes || t('briefing.noNotes')}</span>
      </figcaption>
    </figure>
  );
}

/** The pack as the deck will run: one slide per chart, the speaker notes under each. */
export function SlidePreview({ items, versions }: { items: PackItem[]; versions: ReadonlyMap<number, string> }) {
  const { t } = useApp();
  const [box, size] = useElementSize<HTMLDivElement>();
  const width = Math.max(0, Math.min(480, size.width));
  return (
    <section className="slides" aria-label={t('briefing.slides')}>
      <h3>{t('briefing.slides')}</h3>
      {/* A scrolling region a keyboard user can reach and scroll (it holds no control of its own). */}
      <div ref={box} className="slides-list" data-testid="slides" tabIndex={0} role="region" aria-label={t('briefing.slides')}>
        {width > 0 && items.map((item, index) => <Slide key={item.chartId} item={item} number={index + 1} version={versions.get(item.chartId) ?? ''} width={width} />)}
        {items.length === 0 && <p className="muted">{t('briefing.noSlides')}</p>}
      </div>
    </section>
  );
}
