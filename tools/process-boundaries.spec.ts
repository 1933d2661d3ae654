import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROCESSES } from '@lienthong/processes';

const root = join(__dirname, '..');

/**
 * Generic code names no process: everything specific to one lives in its module folders
 * (libs/processes/src/<type>/, workflows/<type>/, apps/web/src/processes/<type>/), so adding a
 * process never means editing the engine. The words that give a process away come from the registry
 * itself: its type (housing-support, housingSupport), the words its module claims (`ownWords`:
 * housing, loan, …) and the payload objects that hold its people (beneficiary, borrower, …).
 */
const GENERIC = [
  'libs/domain/src',
  'libs/contracts/src',
  'libs/persistence/src',
  'libs/i18n/src',
  'libs/config/src',
  'libs/temporal/src',
  'apps/api/src',
  'apps/worker/src',
  'activities',
  'workflows/case',
  'workflows/shared',
  'apps/web/src/pages',
  'apps/web/src/components',
  'apps/web/src/lib',
  'apps/web/src/auth',
  'apps/web/src/i18n',
  'apps/web/src/api',
  // The web's process plumbing, but not the modules below it nor the registry that lists them.
  'apps/web/src/processes/*',
];

/** Not generic code: the API document's types carry every process's payload schema by design. */
const NOT_CODE = new Set([
  'apps/web/src/api/schema.d.ts',
  // The web's registries: a line per process (its components; its texts, kept apart as pure data).
  'apps/web/src/processes/registry.ts',
  'apps/web/src/processes/texts.ts',
]);

function words(): { word: string; pattern: RegExp; module: string }[] {
  const found: { word: string; pattern: RegExp; module: string }[] = [];
  for (const m of PROCESSES.modules) {
    const camel = m.processType.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const forms = new Set([m.processType, camel, ...m.ownWords]);
    for (const d of m.definitions) for (const field of d.memberFields ?? []) forms.add(field.split('.')[0]);
    for (const word of forms) found.push({ word, pattern: new RegExp(`\\b${word.replace(/-/g, '\\-')}\\b`, 'i'), module: m.processType });
  }
  return found;
}

/** Source files below `dir` (`dir/*`: that folder's own files only), tests and generated files left out. */
function sources(dir: string): string[] {
  const shallow = dir.endsWith('/*');
  const base = join(root, shallow ? dir.slice(0, -2) : dir);
  return readdirSync(base).flatMap((name) => {
    const path = join(base, name);
    if (statSync(path).isDirectory()) return shallow ? [] : sources(relative(root, path));
    const code = /\.tsx?$/.test(name) && !/\.(spec|test|e2e-spec)\.tsx?$/.test(name);
    return code && !NOT_CODE.has(relative(root, path)) ? [path] : [];
  });
}

describe('generic code names no process', () => {
  it('derives the words that would give each registered process away', () => {
    const list = words().map((w) => w.word);
    expect(list).toEqual(expect.arrayContaining(['housing-support', 'housingSupport', 'housing', 'beneficiary', 'borrower', 'recipient']));
  });

  it.each(GENERIC)('%s', (dir) => {
    const leaks: string[] = [];
    const all = words();
    for (const file of sources(dir)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const w of all) if (w.pattern.test(line)) leaks.push(`${relative(root, file)}:${i + 1} names ${w.module} ("${w.word}"): ${line.trim()}`);
        });
    }
    expect(leaks).toEqual([]);
  });
});
