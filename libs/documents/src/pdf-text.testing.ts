import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * The text a reader gets out of a PDF, page by page, extracted with Mozilla's pdf.js (pdfjs-dist, a
 * devDependency). pdf.js ships as an ES module only, so it runs in a child Node process rather than
 * inside jest's CommonJS sandbox. Lines end with "\n" where pdf.js sees a line end. For tests.
 */
export function extractPdfText(pdf: Buffer): string[] {
  const pdfjs = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const script = `
    import { getDocument } from ${JSON.stringify(pdfjs)};
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const data = new Uint8Array(Buffer.concat(chunks));
    const doc = await getDocument({ data, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
    const pages = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\\n' : '') : '')).join(''));
    }
    process.stdout.write(JSON.stringify(pages));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`pdf.js could not read the PDF: ${run.stderr.toString()}`);
  return JSON.parse(run.stdout.toString()) as string[];
}

/** All pages' text as one string, lines joined by spaces (a wrapped line reads as it would aloud). */
export function pdfText(pdf: Buffer): string {
  return extractPdfText(pdf)
    .join('\n')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/ {2,}/g, ' ');
}
