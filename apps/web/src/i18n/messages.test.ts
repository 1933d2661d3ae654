import { describe, expect, it } from 'vitest';
import { resources } from './resources';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));

describe('messages', () => {
  // The generic pages' texts and every process module's (`processes.<type>.…`).
  const viLeaves = leaves(resources.vi.translation as unknown as Tree);
  const enLeaves = leaves(resources.en.translation as unknown as Tree);

  it('are Unicode NFC, so Vietnamese compares and searches the same however it was typed', () => {
    for (const [key, text] of [...viLeaves, ...enLeaves]) expect([key, text.normalize('NFC')]).toEqual([key, text]);
  });

  it('have the same keys and placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    const enByKey = new Map(enLeaves);
    expect(enLeaves.map(([k]) => k).sort()).toEqual(viLeaves.map(([k]) => k).sort());
    for (const [key, text] of viLeaves) expect([key, placeholders(enByKey.get(key)!)]).toEqual([key, placeholders(text)]);
  });

  it('include the texts of every process module', () => {
    for (const tree of [resources.vi.translation, resources.en.translation]) {
      for (const type of ['housing-support', 'support-visit', 'interest-free-loan']) {
        expect(typeof (tree.processes[type] as { name?: unknown } | undefined)?.name).toBe('string');
      }
    }
  });
});
