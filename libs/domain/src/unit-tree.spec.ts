import { ancestorsOf, treeOrder, UnitNode, visibleUnitIds } from './unit-tree';

// Two organizations. Org A: district D > wards W1, W2 > branches B11, B12 (W1), B21 (W2). Org B: district X > ward Y.
const u = (id: string, parentId: string | null, organizationId = 'A'): UnitNode => ({ id, parentId, organizationId });
const units = [
  u('D', null),
  u('W1', 'D'),
  u('W2', 'D'),
  u('B11', 'W1'),
  u('B12', 'W1'),
  u('B21', 'W2'),
  u('X', null, 'B'),
  u('Y', 'X', 'B'),
];
const sorted = (s: Set<string>) => [...s].sort();

describe('visibleUnitIds', () => {
  it('a branch officer sees only their branch', () => {
    expect(sorted(visibleUnitIds(units, [{ unitId: 'B11', role: 'officer' }]))).toEqual(['B11']);
  });

  it('a ward chair sees the ward and its branches, not the district or the other ward', () => {
    expect(sorted(visibleUnitIds(units, [{ unitId: 'W1', role: 'chair' }]))).toEqual(['B11', 'B12', 'W1']);
  });

  it('a district chair sees the whole district tree, not another organization', () => {
    expect(sorted(visibleUnitIds(units, [{ unitId: 'D', role: 'chair' }]))).toEqual(['B11', 'B12', 'B21', 'D', 'W1', 'W2']);
  });

  it('an admin at any unit sees the whole organization, above them too', () => {
    expect(sorted(visibleUnitIds(units, [{ unitId: 'B21', role: 'admin' }]))).toEqual(['B11', 'B12', 'B21', 'D', 'W1', 'W2']);
  });

  it('unions several memberships, across organizations', () => {
    expect(
      sorted(
        visibleUnitIds(units, [
          { unitId: 'B12', role: 'officer' },
          { unitId: 'W2', role: 'member' },
          { unitId: 'Y', role: 'chair' },
        ]),
      ),
    ).toEqual(['B12', 'B21', 'W2', 'Y']);
  });

  it('sees nothing without memberships, or with one at a unit that no longer exists', () => {
    expect(visibleUnitIds(units, []).size).toBe(0);
    expect(visibleUnitIds(units, [{ unitId: 'gone', role: 'admin' }]).size).toBe(0);
  });
});

describe('ancestorsOf', () => {
  it('lists the chain from the root down to the unit', () => {
    expect(ancestorsOf(units, 'B12')).toEqual(['D', 'W1', 'B12']);
    expect(ancestorsOf(units, 'D')).toEqual(['D']);
  });

  it('refuses a cycle instead of looping', () => {
    expect(() => ancestorsOf([u('P', 'Q'), u('Q', 'P')], 'P')).toThrow(/cycle/);
  });
});

describe('treeOrder', () => {
  it('puts parents before children and orders siblings by the comparator', () => {
    const shuffled = [units[5], units[3], units[0], units[2], units[4], units[1]];
    expect(treeOrder(shuffled, (a, b) => a.id.localeCompare(b.id)).map((x) => x.id)).toEqual(['D', 'W1', 'B11', 'B12', 'W2', 'B21']);
  });

  it('treats a unit whose parent is not listed as a root', () => {
    expect(treeOrder([units[3], units[1]], (a, b) => a.id.localeCompare(b.id)).map((x) => x.id)).toEqual(['W1', 'B11']);
  });
});
