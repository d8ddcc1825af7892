import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ChartData } from '../../../../shared/charts/data';
import type { ChartSpec } from '../../../../shared/charts/spec';
import { useApp } from '../../app-context';
import { dataKey } from './spec-form';

/** The content box of an element, kept current as the window or the panels resize. */
export function useElementSize<T extends HTMLElement>(): [RefObject<T | null>, { width: number; height: number }] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}

export interface PreviewData {
  /** The data key the data was fetched for: when it differs from the spec's, the data is stale. */
  key: string;
  data: ChartData | null;
  error: string | null;
}

/**
 * The data the spec's bindings resolve to, fetched ~200 ms after the last change of anything the data
 * depends on (template, bindings, chart language). Text and style edits redraw without a fetch.
 */
export function usePreviewData(spec: ChartSpec | null, delayMs = 200): PreviewData | null {
  const { client, describeError } = useApp();
  const [state, setState] = useState<PreviewData | null>(null);
  const latest = useRef(spec);
  const key = spec ? dataKey(spec) : null;

  useEffect(() => {
    latest.current = spec;
  });

  useEffect(() => {
    const current = latest.current;
    if (key === null || !current) return;
    let live = true;
    const timer = setTimeout(() => {
      client.call('charts.data', { spec: current }).then(
        (data) => live && setState({ key, data, error: null }),
        (e: unknown) => live && setState({ key, data: null, error: describeError(e) }),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, describeError, key, delayMs]);

  return state;
}

/** A saved chart's spec and data, for a slide thumbnail; fetched again when the chart changes. */
export function useSavedChart(chartId: number, version: string): { spec: ChartSpec; data: ChartData } | { error: string } | null {
  const { client, describeError } = useApp();
  const [state, setState] = useState<{ spec: ChartSpec; data: ChartData } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const { spec } = await client.call('charts.get', { id: chartId });
      const data = await client.call('charts.data', { spec });
      return { spec, data };
    })().then(
      (loaded) => live && setState(loaded),
      (e: unknown) => live && setState({ error: describeError(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, describeError, chartId, version]);
  return state;
}
