// Moving items of a briefing pack, by drag (into a gap between items) or by the up/down buttons.

/** The list with the item at `from` moved so that it ends up at index `to`. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1) as [T];
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/**
 * A drop into gap `gap` (0 = before the first item, length = after the last): the item lands there.
 * Dropping an item into the gap on either side of itself leaves the order as it was.
 */
export function moveToGap<T>(items: readonly T[], from: number, gap: number): T[] {
  return moveItem(items, from, gap > from ? gap - 1 : gap);
}

/** The gap a pointer over item `index` points at: before it in its upper half, after it in its lower half. */
export function gapAt(index: number, offsetY: number, height: number): number {
  return offsetY < height / 2 ? index : index + 1;
}
