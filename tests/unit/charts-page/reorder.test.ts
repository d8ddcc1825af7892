import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitScale } from '../../../renderer/src/pages/charts/layout';
import { gapAt, moveItem, moveToGap } from '../../../renderer/src/pages/charts/reorder';

describe('reordering a briefing pack', () => {
  it('moves an item up and down by one', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 7, 0)).toEqual(['a', 'b', 'c']);
  });

  it('drops into the gap pointed at, before or after the item under the pointer', () => {
    const items = ['a', 'b', 'c', 'd'];
    expect(moveToGap(items, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveToGap(items, 0, 4)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveToGap(items, 0, 2)).toEqual(['b', 'a', 'c', 'd']);
    expect(gapAt(2, 3, 40)).toBe(2);
    expect(gapAt(2, 30, 40)).toBe(3);
  });

  it('leaves the order alone when an item is dropped beside itself, and never loses or adds items', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), (items, a, b) => {
        const from = a % items.length;
        expect(moveToGap(items, from, from)).toEqual(items);
        expect(moveToGap(items, from, from + 1)).toEqual(items);
        const moved = moveToGap(items, from, b % (items.length + 1));
        expect([...moved].sort()).toEqual([...items].sort());
      }),
    );
  });
});

describe('preview scale', () => {
  it('fits the chart into the box without enlarging it, and waits for the box to be measured', () => {
    expect(fitScale(960, 540, { width: 480, height: 1000 })).toBe(0.5);
    expect(fitScale(960, 540, { width: 2000, height: 270 })).toBe(0.5);
    expect(fitScale(321, 246, { width: 2000, height: 2000 })).toBe(1);
    expect(fitScale(960, 540, { width: 0, height: 0 })).toBe(0);
  });
});
