/**
 * @lienthong/documents: the papers Liên Thông prints — receipts, a campaign's public disclosure, term
 * reports — as PDF (pdfkit, an embedded Noto Sans so Vietnamese is exact and extractable) and XLSX
 * (exceljs, numbers stored as numbers). Plain data in, a Buffer out: no Nest, no database; the API fills
 * the input types.
 */
export * from './bar-chart';
export * from './campaign-disclosure';
export * from './campaign-labels';
export * from './disclosure.pdf';
export * from './disclosure.xlsx';
export * from './examples';
export * from './figures';
export * from './fonts';
export * from './format';
export * from './pdf-layout';
// For tests of the routes that serve these papers (pdf.js is a devDependency, loaded only when called).
export * from './pdf-text.testing';
export * from './receipt.pdf';
export * from './report.pdf';
export * from './report.xlsx';
export * from './vnd-in-words';
export * from './xlsx-sheets';
