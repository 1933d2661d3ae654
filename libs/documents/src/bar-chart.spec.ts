import { barGeometry } from './bar-chart';
import { PdfLayout } from './pdf-layout';
import { extractPdfText } from './pdf-text.testing';

describe('barGeometry', () => {
  it('scales bars to the largest value, or to the reference when it is larger', () => {
    const { bars, referenceAt } = barGeometry(
      {
        kind: 'percent',
        bars: [
          { label: 'Chi hội 1', value: 50 },
          { label: 'Chi hội 2', value: 75 },
        ],
        reference: { value: 100, label: 'Chỉ tiêu' },
      },
      200,
    );
    expect(bars.map((b) => b.length)).toEqual([100, 150]);
    expect(bars.map((b) => b.text)).toEqual(['50%', '75%']);
    expect(referenceAt).toBe(200);
  });

  it('gives no bar to zero or negative values and survives an all-zero chart', () => {
    const { bars, referenceAt } = barGeometry(
      {
        kind: 'vnd',
        bars: [
          { label: 'Chi hội 1', value: 40_291_000 },
          { label: 'Chi hội 2', value: -50_000 },
          { label: 'Chi hội 3', value: 0 },
        ],
      },
      300,
    );
    expect(bars.map((b) => b.length)).toEqual([300, 0, 0]);
    expect(bars.map((b) => b.text)).toEqual(['40.291.000 đ', '-50.000 đ', '0 đ']);
    expect(referenceAt).toBeNull();
    expect(barGeometry({ kind: 'count', bars: [{ label: 'A', value: 0 }] }, 100).bars[0].length).toBe(0);
  });
});

describe('PdfLayout.barChart', () => {
  it('prints labels, values and the reference as text, running onto a new page when long', async () => {
    const pdf = PdfLayout.start({ title: 'Biểu đồ' });
    pdf.barChart({
      title: 'Số tiền vận động theo chi hội',
      kind: 'vnd',
      bars: Array.from({ length: 60 }, (_, i) => ({ label: `Chi hội ${i + 1}`, value: (i + 1) * 1_000_000 })),
      reference: { value: 30_000_000, label: 'Bình quân' },
    });
    const pages = extractPdfText(await pdf.end());
    expect(pages.length).toBe(2);
    const text = pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Số tiền vận động theo chi hội');
    expect(text).toContain('Bình quân: 30.000.000 đ');
    expect(text).toContain('Chi hội 1 1.000.000 đ');
    expect(text).toContain('Chi hội 60 60.000.000 đ');
  });
});
