import { z } from 'zod';
import { ExecutionPhase } from '../execution/execution-phase';
import { PathUnit, ProcessDefinition, resolveChain, ResolvedStep, validateDefinitions } from '../index';
import { ProcessModule, ProcessRegistry } from './process-module';

const unit = (id: string, levelCode: string): PathUnit => ({ id, name: id, levelCode, levelName: levelCode });
const branch = unit('chi-hoi-1', 'branch');
const ward = unit('ngoc-thuy', 'ward');
const district = unit('long-bien', 'district');

/** A one-step hand-over (bàn giao), confirmed by the parent of whoever hands over: generic, no real process. */
const handOver = (patch: Partial<ProcessDefinition['steps'][number]> = {}): ProcessDefinition => ({
  processType: 'hand-over',
  version: 1,
  name: { vi: 'Bàn giao', en: 'Hand-over' },
  originLevels: ['branch', 'ward'],
  payloadSchema: z.strictObject({ what: z.string() }),
  searchFields: [],
  steps: [
    {
      id: 'parent',
      name: { vi: 'Cấp trên xác nhận', en: 'Parent confirms' },
      levels: ['ward', 'district'],
      aboveOrigin: true,
      actions: ['approve', 'reject'],
      commentRequiredFor: ['reject'],
      deadline: { days: 7, escalateAfterDays: null },
      ...patch,
    },
  ],
  resubmitTo: 'returning-step',
});
const deciders = (d: ProcessDefinition, path: PathUnit[]) => (resolveChain(d, path) as { chain: ResolvedStep[] }).chain.map((s) => s.unitId);

describe('aboveOrigin: a step decided by the parent, never by the origin itself', () => {
  it('goes to the nearest unit above the origin at one of its levels', () => {
    expect(deciders(handOver(), [branch, ward, district])).toEqual([ward.id]);
    expect(deciders(handOver(), [ward, district])).toEqual([district.id]);
    // Without it, the ward's own case would be decided at the ward.
    expect(deciders(handOver({ aboveOrigin: undefined }), [ward, district])).toEqual([ward.id]);
  });

  it('is not for a step at the previous unit', () => {
    const d = handOver();
    d.steps.push({ ...d.steps[0], id: 'again', levels: undefined, sameUnitAsPrevious: true });
    expect(() => validateDefinitions([d])).toThrow(/aboveOrigin/);
  });
});

describe('startedBy: processes a primitive opens itself', () => {
  const module = (processType: string, startedBy?: ProcessModule['startedBy']): ProcessModule => ({
    processType,
    definitions: [{ ...handOver(), processType }],
    phase: null as ExecutionPhase | null,
    messages: {},
    ownWords: [],
    example: { title: 'x', payload: { what: 'x' } },
    ...(startedBy ? { startedBy } : {}),
  });

  it('are found by the purpose they serve, and not offered to the generic route', () => {
    const registry = new ProcessRegistry([module('hand-over'), module('hand-over-confirmation', { primitive: 'fund', purpose: 'hand-over' })]);
    expect(registry.startedBy('fund', 'hand-over')?.processType).toBe('hand-over-confirmation');
    expect(registry.startedBy('fund', 'other')).toBeNull();
    expect(registry.startableByApi('hand-over')).toBe(true);
    expect(registry.startableByApi('hand-over-confirmation')).toBe(false);
    expect(registry.startableByApi('unknown')).toBe(false);
  });

  it('refuses two modules serving the same purpose', () => {
    expect(
      () => new ProcessRegistry([module('a-one', { primitive: 'fund', purpose: 'x' }), module('a-two', { primitive: 'fund', purpose: 'x' })]),
    ).toThrow(/both serve fund\/x/);
  });
});
