import { z } from 'zod';
import { CaseState, DecisionAction, DecisionField, ResolvedStep, RuleViolation } from '../approval/case-model';
import type { ExecutionPlan } from '../execution/execution-model';
import { DAY_MS } from '../approval/deadline';
import { DEADLINE_UNITS, DeadlineUnit, workingDeadline } from '../calendar/working-deadline';

/**
 * A process is data: which levels decide in which order, what each decision must carry, how long each
 * level has and what happens when it is late, and (optionally) an execution phase after approval.
 * Definitions are checked at boot (`validateDefinitions`); a case freezes its resolved chain at
 * submission, so editing a definition only affects new cases.
 */

/** A unit named relative to the case: its origin, or the unit that decides a given step. */
export type UnitRef = 'origin' | `step:${string}`;

export interface StepDefinition {
  id: string;
  name: { vi: string; en: string };
  /**
   * Level codes that may take this step. The nearest unit above the previous step whose level is one of
   * these decides; listing several lets one definition serve both the three-level chain
   * (branch → ward → district) and the post-2025 two-level one (branch → ward → city).
   */
  levels: string[];
  /** Skip the step when the organization has none of `levels` above the case (instead of refusing it). */
  optional?: boolean;
  actions: DecisionAction[];
  commentRequiredFor: DecisionAction[];
  approveData?: DecisionField[];
  /** k of n: distinct approvals that pass the step, rejections that end the case (default 1 and 1). */
  votes?: { approve: number; reject: number };
  /** Days to decide (due at the end of that day, Asia/Ho_Chi_Minh); escalate this many days after. */
  deadline: { days: number; escalateAfterDays: number | null; unit?: DeadlineUnit };
}

export interface ProcessDefinition {
  processType: string;
  version: number;
  name: { vi: string; en: string };
  /** Organization codes this variant is for; without it, the definition applies to every organization. */
  organizations?: string[];
  /** Levels a case may start at (most often the branch). */
  originLevels: string[];
  payloadSchema: z.ZodType<Record<string, unknown>>;
  /**
   * Business rules on a schema-valid payload (requested ≤ estimated cost; a visit not dated in the
   * future). `today` is the date in Vietnam when the request is made, YYYY-MM-DD.
   */
  checkPayload?: (payload: Record<string, unknown>, today: string) => RuleViolation | null;
  /** Payload fields (dot paths) folded into the diacritic-insensitive search text. */
  searchFields: string[];
  /** Payload fields (dot paths) holding a member's ID: the member must belong to the originating unit. */
  memberFields?: string[];
  /** The payload field shown as the requested amount in lists. */
  requestedAmountField?: string;
  /** The last approval's text field shown as the fund in lists (where the money comes from). */
  fundField?: string;
  steps: StepDefinition[];
  resubmitTo: CaseState['resubmitTo'];
  /** Payload fields (dot paths) whose change on resubmission sends the case back to the first step. */
  restartOnChangeOf?: string[];
  /** The execution phase's data; its rules are the process module's `phase`. */
  execution?: {
    milestones: { kind: string; targetDays: number; by?: UnitRef[] }[];
    milestonesBy: UnitRef[];
    disbursementsBy: UnitRef[];
    repaymentsBy?: UnitRef[];
    settlementBy?: UnitRef[];
    capField: string | null;
    closeWhenDisbursed?: boolean;
  };
}

/** One unit on the way from the origin up to the root, as the resolver needs it. */
export interface PathUnit {
  id: string;
  name: string;
  levelCode: string;
  levelName: string;
}

const actions = z.array(z.enum(['approve', 'reject', 'return']));
const unitRef = z.string().regex(/^(origin|step:[a-z0-9-]+)$/, 'must be "origin" or "step:<id>"');
const bilingual = z.object({ vi: z.string().min(1), en: z.string().min(1) });

const stepSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: bilingual,
    levels: z.array(z.string().min(1)).min(1),
    optional: z.boolean().optional(),
    actions: actions.min(1),
    commentRequiredFor: actions,
    approveData: z
      .array(
        z.object({
          name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
          type: z.enum(['vnd', 'text']),
          maxFromPayload: z.string().optional(),
          maxLength: z.number().int().positive().optional(),
        }),
      )
      .optional(),
    votes: z.object({ approve: z.number().int().min(1), reject: z.number().int().min(1) }).optional(),
    deadline: z.object({ days: z.number().int().min(1), escalateAfterDays: z.number().int().min(0).nullable(), unit: z.enum(DEADLINE_UNITS).optional() }),
  })
  .refine((s) => s.commentRequiredFor.every((a) => s.actions.includes(a)), {
    message: 'commentRequiredFor may only name actions of the step',
  })
  .refine((s) => !s.approveData?.length || s.actions.includes('approve'), {
    message: 'approveData needs the approve action',
  });

const definitionSchema = z
  .object({
    processType: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().min(1),
    name: bilingual,
    organizations: z.array(z.string().min(1)).min(1).optional(),
    originLevels: z.array(z.string().min(1)).min(1),
    payloadSchema: z.custom<z.ZodType>((v) => v instanceof z.ZodType, 'must be a zod schema'),
    checkPayload: z.function().optional(),
    searchFields: z.array(z.string().min(1)),
    memberFields: z.array(z.string().min(1)).optional(),
    requestedAmountField: z.string().optional(),
    fundField: z.string().optional(),
    steps: z.array(stepSchema).min(1),
    resubmitTo: z.enum(['returning-step', 'first-step']),
    restartOnChangeOf: z.array(z.string().min(1)).optional(),
    execution: z
      .object({
        milestones: z.array(
          z.object({ kind: z.string().regex(/^[a-z0-9-]+$/), targetDays: z.number().int().min(0), by: z.array(unitRef).min(1).optional() }),
        ),
        milestonesBy: z.array(unitRef),
        disbursementsBy: z.array(unitRef),
        repaymentsBy: z.array(unitRef).optional(),
        settlementBy: z.array(unitRef).optional(),
        capField: z.string().nullable(),
        closeWhenDisbursed: z.boolean().optional(),
      })
      .optional(),
  })
  .superRefine((d, ctx) => {
    const ids = d.steps.map((s) => s.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['steps'], message: 'step ids must be unique' });
    const exec = d.execution;
    const refs = [
      ...(exec?.milestonesBy ?? []),
      ...(exec?.milestones.flatMap((m) => m.by ?? []) ?? []),
      ...(exec?.disbursementsBy ?? []),
      ...(exec?.repaymentsBy ?? []),
      ...(exec?.settlementBy ?? []),
    ];
    for (const ref of refs) {
      const step = ref.startsWith('step:') ? d.steps.find((s) => s.id === ref.slice(5)) : undefined;
      if (ref.startsWith('step:') && !step) ctx.addIssue({ code: 'custom', path: ['execution'], message: `${ref} names no step` });
      // A skipped step has no unit: nobody could record milestones or disbursements.
      if (step?.optional) ctx.addIssue({ code: 'custom', path: ['execution'], message: `${ref} names an optional step` });
    }
    const cap = d.execution?.capField;
    const last = d.steps[d.steps.length - 1];
    if (cap && !last.approveData?.some((f) => f.name === cap && f.type === 'vnd')) {
      ctx.addIssue({ code: 'custom', path: ['execution', 'capField'], message: 'must be a vnd field the last step approves with' });
    }
  });

/** Refuses to boot on a malformed definition or on two definitions claiming the same type, version and scope. */
export function validateDefinitions(definitions: readonly ProcessDefinition[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const d of definitions) {
    const result = definitionSchema.safeParse(d);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${d.processType}@${d.version}: ${issue.path.join('.')}: ${issue.message}`);
    }
    for (const scope of d.organizations ?? ['*']) {
      const key = `${d.processType}@${d.version}/${scope}`;
      if (seen.has(key)) problems.push(`${key} is defined twice`);
      seen.add(key);
    }
  }
  if (problems.length) throw new Error(`Invalid process definitions:\n  - ${problems.join('\n  - ')}`);
}

/** The definition a new case of `processType` in organization `orgCode` uses: its own variant if any, else the general one; the latest version. */
export function findDefinition(
  definitions: readonly ProcessDefinition[],
  processType: string,
  orgCode: string,
): ProcessDefinition | null {
  const candidates = definitions.filter((d) => d.processType === processType);
  const own = candidates.filter((d) => d.organizations?.includes(orgCode));
  const pool = own.length ? own : candidates.filter((d) => !d.organizations);
  return pool.sort((a, b) => b.version - a.version)[0] ?? null;
}

/**
 * The definition a running case was started with: its type and version, the organization's own
 * variant if there is one, else the general one. Null when this build no longer has it.
 */
export function definitionOfCase(
  definitions: readonly ProcessDefinition[],
  c: { processType: string; definitionVersion: number },
  orgCode: string | undefined,
): ProcessDefinition | null {
  const same = definitions.filter((d) => d.processType === c.processType && d.version === c.definitionVersion);
  return same.find((d) => orgCode !== undefined && d.organizations?.includes(orgCode)) ?? same.find((d) => !d.organizations) ?? null;
}

/**
 * Turns a definition into the concrete chain for a case starting at `path[0]` (path runs from the
 * origin up to the root). Each step goes to the nearest unit, from the origin itself upwards and above the previous step, at one of its
 * levels. `dayMs` replaces a day with a shorter span, for tests of deadlines.
 */
export function resolveChain(
  definition: ProcessDefinition,
  path: readonly PathUnit[],
  dayMs: number = DAY_MS,
): { chain: ResolvedStep[]; plan: ExecutionPlan | null } | RuleViolation {
  const origin = path[0];
  if (!origin || !definition.originLevels.includes(origin.levelCode)) {
    return { kind: 'unprocessable', code: 'case.origin_level', params: { levels: definition.originLevels.join(', ') } };
  }
  const chain: ResolvedStep[] = [];
  // The origin itself may decide a step (a branch-level confirmation), then each step goes higher.
  let from = 0;
  for (const step of definition.steps) {
    const index = path.findIndex((u, i) => i >= from && step.levels.includes(u.levelCode));
    if (index < 0) {
      if (step.optional) continue;
      return { kind: 'unprocessable', code: 'case.no_deciding_unit', params: { step: step.id, levels: step.levels.join(', ') } };
    }
    from = index + 1;
    const unit = path[index];
    chain.push({
      id: step.id,
      levelCode: unit.levelCode,
      levelName: unit.levelName,
      unitId: unit.id,
      unitName: unit.name,
      escalationUnitId: path[index + 1]?.id ?? null,
      actions: [...step.actions],
      commentRequiredFor: [...step.commentRequiredFor],
      approveData: (step.approveData ?? []).map((f) => ({ ...f })),
      votes: step.votes ?? { approve: 1, reject: 1 },
      deadline: {
        afterMs: step.deadline.days * dayMs,
        endOfDay: dayMs === DAY_MS,
        escalateAfterMs: step.deadline.escalateAfterDays === null ? null : step.deadline.escalateAfterDays * dayMs,
        ...workingDeadline(step.deadline, dayMs),
      },
    });
  }
  const exec = definition.execution;
  if (!exec) return { chain, plan: null };
  const unitOf = (ref: UnitRef): string | null =>
    ref === 'origin' ? origin.id : (chain.find((s) => s.id === ref.slice(5))?.unitId ?? null);
  const units = (refs: UnitRef[]) => [...new Set(refs.map(unitOf).filter((u): u is string => u !== null))];
  const plan: ExecutionPlan = {
    milestones: exec.milestones.map((m) => ({ kind: m.kind, targetAfterMs: m.targetDays * dayMs, ...(m.by ? { unitIds: units(m.by) } : {}) })),
    milestoneUnitIds: units(exec.milestonesBy),
    disbursementUnitIds: units(exec.disbursementsBy),
    capField: exec.capField,
  };
  // Only what the definition says: a plan of an older definition stays as it was (and replays alike).
  if (exec.repaymentsBy) plan.repaymentUnitIds = units(exec.repaymentsBy);
  if (exec.settlementBy) plan.settlementUnitIds = units(exec.settlementBy);
  if (exec.closeWhenDisbursed) plan.closeWhenDisbursed = true;
  return { chain, plan };
}
