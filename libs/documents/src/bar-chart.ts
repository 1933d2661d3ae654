import { type FigureKind, formatFigure } from './figures';

/**
 * A horizontal bar chart for a printed report: one bar per unit (or month), its value written at the end
 * of the bar, an optional reference line ("Chỉ tiêu 100%"). Drawn with the PDF's own vector operations,
 * so it needs no canvas or native module and its words stay text a reader can extract. (A charting
 * library such as Vega renders SVG server-side, but pdfkit cannot place SVG without another converter;
 * a report's bars do not need one.)
 */
export interface BarChart {
  title?: string;
  /** How the values print: counts, đồng or percentages. */
  kind: Exclude<FigureKind, 'text'>;
  bars: readonly { label: string; value: number }[];
  /** A reference line, e.g. { value: 100, label: 'Chỉ tiêu' } on a percent chart. */
  reference?: { value: number; label: string };
}

export interface BarGeometry {
  label: string;
  /** The value as printed after the bar. */
  text: string;
  /** Length of the bar in points, proportional to the value; zero for zero or less. */
  length: number;
}

/**
 * Where the bars end: the largest value (or the reference, if larger) spans `width`; negative values
 * (a unit whose reversals exceed its entries) get no bar but keep their printed value.
 */
export function barGeometry(chart: BarChart, width: number): { bars: BarGeometry[]; referenceAt: number | null } {
  const max = Math.max(0, ...chart.bars.map((b) => b.value), chart.reference?.value ?? 0);
  const scale = (v: number) => (max > 0 ? (Math.max(0, v) / max) * width : 0);
  return {
    bars: chart.bars.map((b) => ({ label: b.label, text: formatFigure(b.value, chart.kind), length: scale(b.value) })),
    referenceAt: chart.reference ? scale(chart.reference.value) : null,
  };
}
