import { jsonDeeperThan } from './body-limits';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('jsonDeeperThan', () => {
  it('counts nesting of objects and arrays', () => {
    expect(jsonDeeperThan(bytes('{"a":[{"b":1}]}'), 3)).toBe(false);
    expect(jsonDeeperThan(bytes('{"a":[{"b":[1]}]}'), 3)).toBe(true);
    expect(jsonDeeperThan(bytes('"plain"'), 0)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDeeperThan(bytes('{"a":"[[[[{{{{"}'), 1)).toBe(false);
    expect(jsonDeeperThan(bytes('{"a":"say \\"[[[[\\" and \\\\","b":[1]}'), 2)).toBe(false);
    expect(jsonDeeperThan(bytes('{"a":"\\\\","b":[[1]]}'), 2)).toBe(true);
  });

  it('reads Vietnamese text byte by byte without confusion', () => {
    expect(jsonDeeperThan(bytes('{"tên":"Nguyễn Văn Đức [chi hội 1]"}'), 1)).toBe(false);
  });

  it('handles a body nested a million deep without recursion', () => {
    expect(jsonDeeperThan(bytes('['.repeat(1_000_000) + ']'.repeat(1_000_000)), 32)).toBe(true);
  });
});
