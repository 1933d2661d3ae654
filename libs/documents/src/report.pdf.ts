import type { BarChart } from './bar-chart';
import { type FigureKind, type FigureValue, formatFigure } from './figures';
import { formatPeriod } from './format';
import { type Align, type DocumentHeader, PdfLayout, type Signer } from './pdf-layout';
import { vndInWords } from './vnd-in-words';

/** One figure of a section: "Số lượt thăm hỏi" — 812 (count), "Số tiền" — 102.350.000 đ (vnd). */
export interface ReportRow {
  label: string;
  value: FigureValue;
  kind: FigureKind;
  /** An amount also written in words under it ("Bằng chữ: …"), where the report needs it. */
  inWords?: boolean;
}

/** A table in a section, e.g. the same figures per child unit. Cells follow their column's kind. */
export interface ReportTable {
  columns: readonly { header: string; kind: FigureKind; weight?: number }[];
  rows: readonly (readonly FigureValue[])[];
  /** A last row in bold ("Tổng cộng"). */
  totals?: readonly FigureValue[];
}

export interface ReportSection {
  heading: string;
  rows?: readonly ReportRow[];
  table?: ReportTable;
  /** Bars drawn under the figures, e.g. each child unit's percentage of its quota. */
  chart?: BarChart;
  /** A sentence under the figures. */
  note?: string;
}

export interface ReportPdfInput {
  header: DocumentHeader;
  /** "BÁO CÁO SƠ KẾT GIỮA NHIỆM KỲ 2022 - 2027". */
  title: string;
  subtitle?: string;
  /** Calendar dates "YYYY-MM-DD" (or instants, read in Vietnam time). */
  period: { from: string | Date; to: string | Date };
  /** The date line of the header; defaults to the period's end. */
  issuedAt?: string | Date;
  /** The paper's number, "Số: 25/BC-CCB". */
  number?: string;
  sections: readonly ReportSection[];
  signer?: Signer;
}

/**
 * A report laid out as a ward prints it: the association's header, title and period, then numbered
 * sections of figures (counts, amounts, percentages) and optional tables. Used by the term report
 * (issue 16); small on purpose: everything it prints is given in the input.
 */
export async function reportPdf(input: ReportPdfInput): Promise<Buffer> {
  const pdf = PdfLayout.start({ title: input.title, subject: formatPeriod(input.period.from, input.period.to), author: input.header.unit });
  pdf.header(input.header, input.issuedAt ?? input.period.to, input.number);
  pdf.title(input.title, input.subtitle, `(Kỳ báo cáo ${formatPeriod(input.period.from, input.period.to)})`);
  for (const section of input.sections) writeSection(pdf, section);
  if (input.signer) pdf.signatures([input.signer]);
  return pdf.end();
}

/** A section into any layout: the disclosure uses the same pieces. */
export function writeSection(pdf: PdfLayout, section: ReportSection): void {
  pdf.heading(section.heading);
  if (section.rows?.length) {
    pdf.table(
      [
        { header: 'Nội dung', weight: 3 },
        { header: 'Số liệu', weight: 1.6, align: 'right' },
      ],
      section.rows.map((row) => [labelWithWords(row), formatFigure(row.value, row.kind)]),
    );
  }
  if (section.table) {
    const { columns, rows, totals } = section.table;
    pdf.table(
      columns.map((c) => ({ header: c.header, weight: c.weight, align: alignFor(c.kind) })),
      rows.map((row) => columns.map((c, i) => formatFigure(row[i], c.kind))),
      totals && columns.map((c, i) => formatFigure(totals[i], c.kind)),
    );
  }
  if (section.chart) pdf.barChart(section.chart);
  if (section.note) pdf.paragraph(section.note, { style: 'italic', size: 10 });
}

/** The amount in words goes under the label, where the line is wide enough to hold it. */
function labelWithWords(row: ReportRow): string {
  if (row.inWords && row.kind === 'vnd' && typeof row.value === 'number' && row.value >= 0) {
    return `${row.label}\n(Bằng chữ: ${vndInWords(row.value)})`;
  }
  return row.label;
}

export function alignFor(kind: FigureKind): Align {
  return kind === 'text' ? 'left' : 'right';
}
