import { formatCount, formatPercent, formatVnd } from './format';

/**
 * How a figure reads: a count ("812"), an amount of đồng ("102.350.000 đ"), a percentage (given as a
 * number of percent: 85.3 → "85,3%") or text. The same kinds drive the XLSX number formats.
 */
export type FigureKind = 'count' | 'vnd' | 'percent' | 'text';

/** A figure's value; null is "no figure" (a quota not set: percent of nothing) and reads "—". */
export type FigureValue = number | string | null;

export const NO_FIGURE = '—';

export function formatFigure(value: FigureValue | undefined, kind: FigureKind): string {
  if (value === null || value === undefined) return NO_FIGURE;
  if (typeof value === 'string') return value.normalize('NFC');
  switch (kind) {
    case 'count':
      return formatCount(value);
    case 'vnd':
      return formatVnd(value);
    case 'percent':
      return formatPercent(value);
    case 'text':
      return String(value);
  }
}
