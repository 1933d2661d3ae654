import type { Membership, Unit } from '@lienthong/persistence';
import { canManage } from './members.service';

const unit = (id: string, parentId: string | null, organizationId = 'org'): Unit => ({ id, parentId, organizationId }) as Unit;
const units = [unit('D', null), unit('W1', 'D'), unit('B11', 'W1'), unit('B12', 'W1'), unit('W2', 'D'), unit('B21', 'W2'), unit('X', null, 'other')];
const byId = new Map(units.map((u) => [u.id, u]));
const as = (...roles: [string, Membership['role']][]) => ({
  units,
  memberships: roles.map(([unitId, role]) => ({ unitId, role, unit: byId.get(unitId)! }) as Membership),
});

describe('who manages a unit’s members register', () => {
  it('a chair or officer: their unit and everything below, nothing beside or above', () => {
    expect(canManage(as(['W1', 'chair']), byId.get('B11')!)).toBe(true);
    expect(canManage(as(['W1', 'officer']), byId.get('W1')!)).toBe(true);
    expect(canManage(as(['W1', 'chair']), byId.get('B21')!)).toBe(false);
    expect(canManage(as(['B11', 'officer']), byId.get('B12')!)).toBe(false);
    expect(canManage(as(['B11', 'officer']), byId.get('W1')!)).toBe(false);
  });

  it('a plain member manages nothing, even at their own unit', () => {
    expect(canManage(as(['W1', 'member']), byId.get('W1')!)).toBe(false);
  });

  it('an admin: every unit of their organization, above them too, and none of another', () => {
    expect(canManage(as(['B21', 'admin']), byId.get('D')!)).toBe(true);
    expect(canManage(as(['B21', 'admin']), byId.get('B11')!)).toBe(true);
    expect(canManage(as(['B21', 'admin']), byId.get('X')!)).toBe(false);
  });
});
