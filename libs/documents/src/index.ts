/**
 * @lienthong/documents: the papers Liên Thông prints — receipts, a campaign's public disclosure, term
 * reports — as PDF (pdfkit, an embedded Noto Sans so Vietnamese is exact and extractable) and XLSX
 * (exceljs, numbers stored as numbers). Plain data in, a Buffer out: no Nest, no database; the API fills
 * the input types.
 */
export * from './format';
export * from './vnd-in-words';
