import { PROCESSES } from '@lienthong/processes';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../api/client';
import { PROCESS_TYPES, startableProcesses, webProcess } from './registry';

type Role = Schemas['MembershipDto']['role'];
const member = (role: Role, code: string, rank: number, name: string): Schemas['MembershipDto'] => ({
  role,
  unit: { id: `u-${name}`, name, parentId: null, organizationId: 'o', level: { code, name: code, rank } },
  organization: {},
});
const user = (...memberships: Schemas['MembershipDto'][]): Schemas['MeDto'] => ({ id: 'p', username: 'x', displayName: 'X', memberships });

describe('the process registry', () => {
  it('has a module for every process the server registers, each on its own schema', () => {
    expect([...PROCESS_TYPES].sort()).toEqual([...PROCESSES.types].sort());
    for (const type of PROCESSES.types) {
      const process = webProcess(type)!;
      expect(process.definition.payloadSchema).toBe(process.schema);
      expect(PROCESSES.definitionFor(type, 'any')?.version).toBe(process.definition.version);
    }
  });

  it('knows no module for a process it was not built with (the detail then shows the payload read-only)', () => {
    expect(webProcess('commendation')).toBeNull();
    expect(webProcess('constructor')).toBeNull();
  });

  it("offers each user the processes that start at their units' levels, where they act", () => {
    const types = (u: Schemas['MeDto']) => startableProcesses(u).map((s) => s.process.processType);
    expect(types(user(member('officer', 'branch', 0, 'Chi hội 1')))).toEqual(['housing-support', 'support-visit', 'interest-free-loan']);
    expect(types(user(member('officer', 'ward', 1, 'Hội CCB phường Ngọc Thụy')))).toEqual(['support-visit']);
    expect(types(user(member('chair', 'district', 2, 'Hội CCB quận Long Biên')))).toEqual([]);
    expect(types(user(member('member', 'branch', 0, 'Chi hội 1')))).toEqual([]);
    const both = startableProcesses(user(member('officer', 'branch', 0, 'Chi hội 1'), member('chair', 'ward', 1, 'Phường')));
    expect(both.find((s) => s.process.processType === 'support-visit')?.units.map((u) => u.name)).toEqual(['Chi hội 1', 'Phường']);
  });
});
