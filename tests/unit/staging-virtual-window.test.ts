import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rowsPerPage, scrollTopToShow, virtualWindow } from '../../utils/staging-virtual-window';

describe('virtualWindow', () => {
  it('renders the visible rows plus overscan, positioned at their own top', () => {
    const window = virtualWindow({ total: 100_000, rowHeight: 56, scrollTop: 56 * 1000 + 20, viewportHeight: 560, overscan: 4 });
    expect(window.start).toBe(996);
    // Rows 1000 to 1010 are (partly) visible: 11 rows, plus 4 below.
    expect(window.end).toBe(1015);
    expect(window.offsetTop).toBe(996 * 56);
    expect(window.scrollHeight).toBe(5_600_000);
  });

  it('clamps at both ends and handles an empty or short list', () => {
    expect(virtualWindow({ total: 0, rowHeight: 56, scrollTop: 0, viewportHeight: 500 })).toEqual({ start: 0, end: 0, offsetTop: 0, scrollHeight: 0 });
    expect(virtualWindow({ total: 3, rowHeight: 56, scrollTop: 0, viewportHeight: 500, overscan: 4 })).toMatchObject({ start: 0, end: 3 });
    const bottom = virtualWindow({ total: 50, rowHeight: 56, scrollTop: 99_999, viewportHeight: 560, overscan: 2 });
    expect(bottom.end).toBe(50);
    expect(bottom.start).toBe(50 - 10 - 2);
  });

  it('scales a list taller than the browser allows and still reaches the last row', () => {
    const input = { total: 1_000_000, rowHeight: 56, viewportHeight: 560, maxScrollHeight: 1_000_000, overscan: 0 };
    const top = virtualWindow({ ...input, scrollTop: 0 });
    expect(top.scrollHeight).toBe(1_000_000);
    expect(top.start).toBe(0);
    const bottom = virtualWindow({ ...input, scrollTop: 1_000_000 - 560 });
    expect(bottom.end).toBe(1_000_000);
    // The last row's bottom sits at the viewport's bottom.
    expect(bottom.offsetTop + (bottom.end - bottom.start) * 56).toBeCloseTo(1_000_000, 5);
  });

  it('always covers the viewport with rendered rows (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 100, max: 1200 }), fc.double({ min: 0, max: 1, noNaN: true }), (total, viewportHeight, at) => {
        const rowHeight = 56;
        const input = { total, rowHeight, viewportHeight, maxScrollHeight: 8_000_000, overscan: 0 };
        const { scrollHeight } = virtualWindow({ ...input, scrollTop: 0 });
        const scrollTop = at * Math.max(0, scrollHeight - viewportHeight);
        const window = virtualWindow({ ...input, scrollTop });
        const renderedTop = window.offsetTop;
        const renderedBottom = window.offsetTop + (window.end - window.start) * rowHeight;
        expect(window.start).toBeGreaterThanOrEqual(0);
        expect(window.end).toBeLessThanOrEqual(total);
        expect(renderedTop).toBeLessThanOrEqual(scrollTop + 1e-6);
        expect(renderedBottom + 1e-6).toBeGreaterThanOrEqual(Math.min(scrollTop + viewportHeight, scrollHeight));
      }),
    );
  });
});

describe('scrollTopToShow', () => {
  const geometry = { total: 1000, rowHeight: 50, viewportHeight: 500 };

  it('leaves the scroll alone when the row is in view', () => {
    expect(scrollTopToShow(12, { ...geometry, scrollTop: 500 })).toBe(500);
  });

  it('scrolls up to put a row above at the top, down to put a row below at the bottom', () => {
    expect(scrollTopToShow(3, { ...geometry, scrollTop: 500 })).toBe(150);
    expect(scrollTopToShow(30, { ...geometry, scrollTop: 500 })).toBe(31 * 50 - 500);
  });

  it('shows the row whole in a scaled list too', () => {
    const scaled = { total: 1_000_000, rowHeight: 56, viewportHeight: 560, maxScrollHeight: 1_000_000 };
    const scrollTop = scrollTopToShow(600_000, { ...scaled, scrollTop: 0 });
    const window = virtualWindow({ ...scaled, scrollTop, overscan: 0 });
    expect(window.start).toBeLessThanOrEqual(600_000);
    expect(window.end).toBeGreaterThan(600_000);
  });
});

describe('rowsPerPage', () => {
  it('moves a viewport less one row, at least one', () => {
    expect(rowsPerPage(560, 56)).toBe(9);
    expect(rowsPerPage(40, 56)).toBe(1);
  });
});
