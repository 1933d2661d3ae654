import { formatPeriod } from './format';
import type { ReportPdfInput } from './report.pdf';
import { type Cell, type SheetSpec, workbookXlsx } from './xlsx-sheets';

/**
 * The same report as a workbook: one sheet "Tổng hợp" with every section's figures (section, item,
 * value — each value a number with its own format), then one sheet per section that has a table (the
 * child units as rows, for instance). Numbers stay numbers; percentages become Excel percentages.
 */
export async function reportXlsx(input: ReportPdfInput): Promise<Buffer> {
  const period = `Kỳ báo cáo ${formatPeriod(input.period.from, input.period.to)}`;
  const summaryRows: Cell[][] = [];
  for (const section of input.sections) {
    for (const row of section.rows ?? []) summaryRows.push([section.heading, row.label, { value: row.value, kind: row.kind }]);
  }
  const sheets: SheetSpec[] = [
    {
      name: 'Tổng hợp',
      title: `${input.title} — ${input.header.unit}`,
      subtitle: period,
      columns: [
        { header: 'Mục', kind: 'text' },
        { header: 'Nội dung', kind: 'text' },
        { header: 'Số liệu', kind: 'text', width: 18 },
      ],
      rows: summaryRows,
    },
  ];
  for (const section of input.sections) {
    if (!section.table) continue;
    sheets.push({
      name: section.heading,
      title: section.heading,
      subtitle: period,
      columns: section.table.columns.map((c) => ({ header: c.header, kind: c.kind })),
      rows: section.table.rows,
      totals: section.table.totals,
    });
  }
  return workbookXlsx(sheets, { title: input.title });
}
