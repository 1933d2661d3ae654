import { z } from 'zod';
import { CaseState, DecisionAction, DecisionField, FrozenSettings, Person, ResolvedStep, RuleViolation } from '../approval/case-model';
import type { ExecutionPlan } from '../execution/execution-model';
import { DAY_MS, isIsoDate } from '../approval/deadline';
import { DEADLINE_UNITS, DeadlineUnit, workingDeadline } from '../calendar/working-deadline';
import { DECIDER_ROLES, DeciderRole } from '../roles';
import { isVnd } from '../money/vnd';
import { SettingsDefinition, settingsInForce, valueAtPath } from './settings';

/**
 * A process is data: which levels decide in which order, what each decision must carry, how long each
 * level has and what happens when it is late, and (optionally) an execution phase after approval.
 * Definitions are checked at boot (`validateDefinitions`); a case freezes its resolved chain at
 * submission, so editing a definition only affects new cases.
 */

/** A unit named relative to the case: its origin, or the unit that decides a given step. */
export type UnitRef = 'origin' | `step:${string}`;

/**
 * How many distinct votes a step needs: a number of people, or for a council a share of its members
 * (`{ moreThan: 0.5 }`: more than half; `{ atLeast: 0.9 }`: at least 90 %, rounded up), or the value
 * of a setting in force on the case's date (one of the former).
 */
export type VoteThreshold = number | { moreThan: number } | { atLeast: number } | { setting: string };

/**
 * Who decides a step at its unit. Absent: any officer or chair of the unit. `roles`: only those roles
 * (`['chair']`: the chair signs). `council`: the unit's council, its members named when the case is
 * submitted (frozen into the case), whatever their role; `votes` then counts among them and defaults to
 * more than half of them.
 */
export type DecidersDefinition = { roles: DeciderRole[] } | { council: true };

/** A step that applies only when a payload field holds one of some values (`awardLevel` in `['city']`). */
export interface StepCondition {
  /** Dot path into the payload; checked at boot against the payload schema. */
  field: string;
  in: (string | number | boolean)[];
}

export interface StepDefinition {
  id: string;
  name: { vi: string; en: string };
  /**
   * Level codes that may take this step. The nearest unit above the previous step whose level is one of
   * these decides; listing several lets one definition serve both the three-level chain
   * (branch → ward → district) and the post-2025 two-level one (branch → ward → city).
   * Left out (only then) with `sameUnitAsPrevious`.
   */
  levels?: string[];
  /**
   * Decided at the unit of the previous step rather than above it (the council votes, then the chair of
   * the same unit signs). Skipped when the previous step is skipped.
   */
  sameUnitAsPrevious?: boolean;
  /**
   * Never decided at the case's own unit: the search for `levels` starts at the origin's parent (a
   * unit hands money to its parent, which confirms it, whatever the level of either).
   */
  aboveOrigin?: boolean;
  /** Skip the step when the organization has none of `levels` above the case (instead of refusing it). */
  optional?: boolean;
  /**
   * The step applies only when the payload says so; otherwise it is left out of the case's chain
   * (resolved at submission, and again when a resubmission changes which steps apply).
   */
  when?: StepCondition;
  deciders?: DecidersDefinition;
  /**
   * Whoever decided an earlier step may decide this one too (the chair who voted in the council signs).
   * Without it one person decides at most one step of a case.
   */
  allowEarlierDeciders?: boolean;
  actions: DecisionAction[];
  commentRequiredFor: DecisionAction[];
  approveData?: DecisionField[];
  /**
   * k of n: distinct approvals that pass the step, rejections that end the case. Default 1 and 1; on a
   * council step more than half of its members for both.
   */
  votes?: { approve: VoteThreshold; reject: VoteThreshold };
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
  /**
   * Settings with effective dates (caps, vote thresholds): `{ grantCap: [{ value: 5_000_000 }, { from:
   * '2025-07-01', value: 8_000_000 }] }`. A case freezes the values in force on its date; approveData
   * fields (`maxFromSetting`) and votes (`{ setting }`) refer to them by key.
   */
  settings?: SettingsDefinition;
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

const share = z.number().gt(0).max(1);
const voteThreshold = z.union([
  z.number().int().min(1),
  z.strictObject({ moreThan: z.number().min(0).lt(1) }),
  z.strictObject({ atLeast: share }),
  z.strictObject({ setting: z.string().min(1) }),
]);
/** What a setting used as a vote threshold must hold (not another setting). */
const settingThreshold = z.union([z.number().int().min(1), z.strictObject({ moreThan: z.number().min(0).lt(1) }), z.strictObject({ atLeast: share })]);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const settingKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/);

const stepSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: bilingual,
    levels: z.array(z.string().min(1)).min(1).optional(),
    sameUnitAsPrevious: z.boolean().optional(),
    optional: z.boolean().optional(),
    aboveOrigin: z.boolean().optional(),
    when: z.strictObject({ field: z.string().min(1), in: z.array(scalar).min(1) }).optional(),
    deciders: z
      .union([
        z.strictObject({ roles: z.array(z.enum(DECIDER_ROLES)).min(1).refine((r) => new Set(r).size === r.length, 'roles must be unique') }),
        z.strictObject({ council: z.literal(true) }),
      ])
      .optional(),
    allowEarlierDeciders: z.boolean().optional(),
    actions: actions.min(1),
    commentRequiredFor: actions,
    approveData: z
      .array(
        z.object({
          name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
          type: z.enum(['vnd', 'text']),
          maxFromPayload: z.string().optional(),
          maxFromSetting: z.strictObject({ key: settingKey, by: z.string().min(1).optional() }).optional(),
          maxLength: z.number().int().positive().optional(),
        }),
      )
      .optional(),
    votes: z.object({ approve: voteThreshold, reject: voteThreshold }).optional(),
    deadline: z.object({ days: z.number().int().min(1), escalateAfterDays: z.number().int().min(0).nullable(), unit: z.enum(DEADLINE_UNITS).optional() }),
  })
  .refine((s) => s.commentRequiredFor.every((a) => s.actions.includes(a)), {
    message: 'commentRequiredFor may only name actions of the step',
  })
  .refine((s) => !s.approveData?.length || s.actions.includes('approve'), {
    message: 'approveData needs the approve action',
  })
  .refine((s) => (s.sameUnitAsPrevious ? !s.levels : !!s.levels), {
    message: 'a step names its levels, or is decided at the same unit as the previous step (sameUnitAsPrevious), not both',
  })
  .refine((s) => !(s.sameUnitAsPrevious && s.aboveOrigin), { message: 'aboveOrigin names where levels are searched: not for a step at the previous unit' })
  .refine((s) => !(s.sameUnitAsPrevious && s.optional), { message: 'optional means a level may be missing: not for a step at the previous unit' })
  .refine((s) => !s.approveData?.some((f) => f.maxFromSetting && f.type !== 'vnd'), { message: 'maxFromSetting is for vnd fields' })
  .refine(
    (s) => {
      const council = !!s.deciders && 'council' in s.deciders;
      const isShare = (t: unknown) => typeof t === 'object' && t !== null && ('moreThan' in t || 'atLeast' in t);
      return council || !s.votes || (!isShare(s.votes.approve) && !isShare(s.votes.reject));
    },
    { message: 'votes as a share of members are for council steps' },
  );

const settingsSchema = z.record(
  settingKey,
  z
    .array(
      z.strictObject({
        from: z.string().refine(isIsoDate, 'must be a real date, YYYY-MM-DD').optional(),
        value: z.union([scalar, z.record(z.string(), scalar)]),
      }),
    )
    .min(1)
    .superRefine((entries, ctx) => {
      entries.forEach((e, i) => {
        if (i > 0 && e.from === undefined) ctx.addIssue({ code: 'custom', path: [i, 'from'], message: 'only the first entry may leave out its date' });
        const before = entries[i - 1]?.from;
        if (i > 0 && e.from !== undefined && before !== undefined && e.from <= before) {
          ctx.addIssue({ code: 'custom', path: [i, 'from'], message: 'entries must be in order of their dates, each on its own day' });
        }
      });
    }),
);

const definitionSchemaBase = z.object({
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
    settings: settingsSchema.optional(),
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
});

const definitionSchema = definitionSchemaBase.superRefine((d, ctx) => {
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
    const skippable = mayBeSkipped(d.steps);
    for (const ref of refs) {
      const index = ref.startsWith('step:') ? d.steps.findIndex((s) => s.id === ref.slice(5)) : -1;
      if (ref.startsWith('step:') && index < 0) ctx.addIssue({ code: 'custom', path: ['execution'], message: `${ref} names no step` });
      // A skipped step has no unit: nobody could record milestones or disbursements.
      if (index >= 0 && skippable[index]) {
        const what = d.steps[index].optional ? 'an optional step' : 'a step that may be left out (when, or at the unit of one that may)';
        ctx.addIssue({ code: 'custom', path: ['execution'], message: `${ref} names ${what}` });
      }
    }
    const cap = d.execution?.capField;
    const last = d.steps[d.steps.length - 1];
    if (cap && !last.approveData?.some((f) => f.name === cap && f.type === 'vnd')) {
      ctx.addIssue({ code: 'custom', path: ['execution', 'capField'], message: 'must be a vnd field the last step approves with' });
    }
    if (cap && skippable[d.steps.length - 1] && !last.optional) {
      ctx.addIssue({ code: 'custom', path: ['execution', 'capField'], message: 'the last step approves the cap: it may not be left out by a condition' });
    }
    if (d.steps.every((st) => st.when)) {
      ctx.addIssue({ code: 'custom', path: ['steps'], message: 'at least one step must apply whatever the payload (no when)' });
    }
    if (d.steps[0]?.sameUnitAsPrevious) {
      ctx.addIssue({ code: 'custom', path: ['steps', 0, 'sameUnitAsPrevious'], message: 'the first step has no previous step' });
    }
    checkSettingReferences(d, ctx);
    checkPayloadFields(d, ctx);
  });

/** Per step: may it be missing from a case's chain (optional, conditional, or at the unit of such a step)? */
function mayBeSkipped(steps: readonly Pick<StepDefinition, 'optional' | 'when' | 'sameUnitAsPrevious'>[]): boolean[] {
  const result: boolean[] = [];
  steps.forEach((s, i) => result.push(!!s.optional || !!s.when || (!!s.sameUnitAsPrevious && (result[i - 1] ?? false))));
  return result;
}

type DefinitionInput = z.output<typeof definitionSchemaBase>;

/** Every setting a step refers to is declared, and holds what the reference needs. */
function checkSettingReferences(d: DefinitionInput, ctx: z.RefinementCtx): void {
  const settings = d.settings ?? {};
  d.steps.forEach((step, i) => {
    for (const [which, threshold] of Object.entries(step.votes ?? {})) {
      if (typeof threshold !== 'object' || !('setting' in threshold)) continue;
      const history = settings[threshold.setting];
      const path = ['steps', i, 'votes', which];
      if (!history) ctx.addIssue({ code: 'custom', path, message: `names no setting ${threshold.setting}` });
      else if (history.some((e) => !settingThreshold.safeParse(e.value).success)) {
        ctx.addIssue({ code: 'custom', path, message: `setting ${threshold.setting} must hold vote thresholds` });
      }
    }
    (step.approveData ?? []).forEach((field, f) => {
      const ref = field.maxFromSetting;
      if (!ref) return;
      const path = ['steps', i, 'approveData', f, 'maxFromSetting'];
      const history = settings[ref.key];
      if (!history) return ctx.addIssue({ code: 'custom', path, message: `names no setting ${ref.key}` });
      const options = ref.by === undefined ? undefined : enumOptions(fieldSchema(d.payloadSchema as z.ZodType, ref.by));
      for (const entry of history) {
        const ok =
          ref.by === undefined
            ? isVnd(entry.value)
            : typeof entry.value === 'object' &&
              Object.values(entry.value).every(isVnd) &&
              (options ?? []).every((o) => Object.hasOwn(entry.value as object, String(o)));
        if (!ok) {
          const what = ref.by === undefined ? 'an amount' : `an amount for every value of ${ref.by}`;
          ctx.addIssue({ code: 'custom', path, message: `setting ${ref.key} must hold ${what} in each entry` });
          return;
        }
      }
    });
  });
}

/** The payload fields conditions and settings select by exist in the payload schema, and accept the values named. */
function checkPayloadFields(d: DefinitionInput, ctx: z.RefinementCtx): void {
  const schema = d.payloadSchema as z.ZodType;
  d.steps.forEach((step, i) => {
    if (step.when) {
      const field = fieldSchema(schema, step.when.field);
      if (!field) ctx.addIssue({ code: 'custom', path: ['steps', i, 'when', 'field'], message: `${step.when.field} is not a field of the payload` });
      else {
        for (const value of step.when.in) {
          if (!field.safeParse(value).success) {
            ctx.addIssue({ code: 'custom', path: ['steps', i, 'when', 'in'], message: `${JSON.stringify(value)} is not a value of ${step.when.field}` });
          }
        }
      }
    }
    (step.approveData ?? []).forEach((f, j) => {
      const by = f.maxFromSetting?.by;
      if (by !== undefined && !fieldSchema(schema, by)) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'approveData', j, 'maxFromSetting', 'by'], message: `${by} is not a field of the payload` });
      }
    });
  });
}

/** The schema of a payload field by dot path (through optional, default, nullable and pipes); null if there is none. */
export function fieldSchema(schema: z.ZodType | undefined, path: string): z.ZodType | null {
  let current: z.ZodType | undefined = schema;
  for (const key of path.split('.')) {
    current = current && unwrap(current);
    if (!(current instanceof z.ZodObject)) return null;
    current = (current.shape as Record<string, z.ZodType>)[key];
    if (!current) return null;
  }
  return current ?? null;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
}

/** The values an enum field takes, or undefined for any other field. */
function enumOptions(schema: z.ZodType | null): readonly (string | number)[] | undefined {
  const s = schema && unwrap(schema);
  return s instanceof z.ZodEnum ? (s.options as (string | number)[]) : undefined;
}

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

/** What a chain is resolved from besides the definition and the path: the case's own data. */
export interface ResolveContext {
  /** The case's payload: conditional steps (`when`) apply only if it says so; without it they are left out. */
  payload?: Record<string, unknown>;
  /** Council members by unit ID, for council steps (the API reads them when a definition has one). */
  councils?: Readonly<Record<string, readonly Person[]>>;
  /** The settings the case froze (`settingsInForce` on its date), for thresholds that name a setting. */
  settings?: FrozenSettings;
  /** Who opens the case: on a council they may not vote on it, so the others must be able to pass it. */
  initiatorId?: string;
}

/** Whether a conditional step applies to this payload (a step without a condition always does). */
export function stepApplies(step: Pick<StepDefinition, 'when'>, payload: Record<string, unknown> | undefined): boolean {
  if (!step.when) return true;
  if (!payload) return false;
  const value = valueAtPath(payload, step.when.field);
  return step.when.in.some((v) => v === value);
}

/** Whether any step of the definition depends on the payload (then a revision may change the chain). */
export function hasConditionalSteps(definition: Pick<ProcessDefinition, 'steps'>): boolean {
  return definition.steps.some((s) => s.when);
}

/** Settings the definition's steps refer to (approveData caps, vote thresholds): a case needs each in force. */
export function referencedSettings(definition: Pick<ProcessDefinition, 'steps'>): string[] {
  const keys = new Set<string>();
  for (const step of definition.steps) {
    for (const f of step.approveData ?? []) if (f.maxFromSetting) keys.add(f.maxFromSetting.key);
    for (const t of Object.values(step.votes ?? {})) if (typeof t === 'object' && 'setting' in t) keys.add(t.setting);
  }
  return [...keys];
}

/** Whether any step is a council's (then the API reads the councils of the units on the path). */
export function hasCouncilSteps(definition: Pick<ProcessDefinition, 'steps'>): boolean {
  return definition.steps.some((s) => s.deciders && 'council' in s.deciders);
}

/**
 * The settings a new case freezes: every setting in force on its date (YYYY-MM-DD, Vietnam). Refused
 * when a setting the steps refer to has no value yet on that date. Undefined for a definition without
 * settings (the case then stores none, as every case before them).
 */
export function caseSettings(
  definition: Pick<ProcessDefinition, 'steps' | 'settings'>,
  date: string,
): { settings: FrozenSettings | undefined } | { violation: RuleViolation } {
  if (!definition.settings) return { settings: undefined };
  const settings = settingsInForce(definition.settings, date);
  const missing = referencedSettings(definition).find((key) => !settings[key]);
  if (missing) return { violation: { kind: 'unprocessable', code: 'case.setting_not_in_force', params: { setting: missing } } };
  return { settings };
}

/** More than half of a council, unless the definition says otherwise. */
const COUNCIL_MAJORITY: VoteThreshold = { moreThan: 0.5 };

/** A share of `members` as a count of people; rounded to a millionth first, so 0.9 × 10 is 9, not 10. */
function countOf(threshold: Exclude<VoteThreshold, { setting: string }>, members: number | null): number | null {
  if (typeof threshold === 'number') return threshold;
  if (members === null) return null;
  if ('moreThan' in threshold) return Math.floor(Math.round(threshold.moreThan * members * 1e6) / 1e6) + 1;
  return Math.max(1, Math.ceil(Math.round(threshold.atLeast * members * 1e6) / 1e6));
}

/**
 * Turns a definition into the concrete chain for a case starting at `path[0]` (path runs from the
 * origin up to the root). Each step goes to the nearest unit, from the origin itself upwards and above
 * the previous step, at one of its levels; a step `sameUnitAsPrevious` goes to the previous step's
 * unit. A step whose condition the payload does not meet is left out, and so is a step at the unit of
 * a step left out. A council step names its members as they are now (`context.councils`) and counts
 * its votes among them. `dayMs` replaces a day with a shorter span, for tests of deadlines.
 */
export function resolveChain(
  definition: ProcessDefinition,
  path: readonly PathUnit[],
  dayMs: number = DAY_MS,
  context: ResolveContext = {},
): { chain: ResolvedStep[]; plan: ExecutionPlan | null } | RuleViolation {
  const origin = path[0];
  if (!origin || !definition.originLevels.includes(origin.levelCode)) {
    return { kind: 'unprocessable', code: 'case.origin_level', params: { levels: definition.originLevels.join(', ') } };
  }
  const chain: ResolvedStep[] = [];
  // The origin itself may decide a step (a branch-level confirmation), then each step goes higher.
  let from = 0;
  // Where the previous step of the definition went: -1 when it was left out.
  let previous = -1;
  for (const step of definition.steps) {
    let index: number;
    if (step.sameUnitAsPrevious) {
      index = stepApplies(step, context.payload) ? previous : -1;
      previous = index;
      if (index < 0) continue;
    } else {
      if (!stepApplies(step, context.payload)) {
        previous = -1;
        continue;
      }
      const levels = step.levels ?? [];
      const lowest = step.aboveOrigin ? Math.max(from, 1) : from;
      index = path.findIndex((u, i) => i >= lowest && levels.includes(u.levelCode));
      previous = index;
      if (index < 0) {
        if (step.optional) continue;
        return { kind: 'unprocessable', code: 'case.no_deciding_unit', params: { step: step.id, levels: levels.join(', ') } };
      }
      from = index + 1;
    }
    const unit = path[index];
    const council = step.deciders && 'council' in step.deciders ? (context.councils?.[unit.id] ?? []) : null;
    if (council && council.length === 0) return { kind: 'unprocessable', code: 'case.no_council', params: { unit: unit.name } };
    const votes: ResolvedStep['votes'] = { approve: 1, reject: 1 };
    for (const which of ['approve', 'reject'] as const) {
      let threshold = step.votes?.[which] ?? (council ? COUNCIL_MAJORITY : 1);
      if (typeof threshold === 'object' && 'setting' in threshold) {
        const setting = context.settings?.[threshold.setting]?.value;
        if (setting === undefined) return { kind: 'unprocessable', code: 'case.setting_not_in_force', params: { setting: threshold.setting } };
        threshold = setting as Exclude<VoteThreshold, { setting: string }>;
      }
      const count = countOf(threshold, council ? council.length : null);
      if (count === null) throw new Error(`${definition.processType}@${definition.version}: step ${step.id} counts a share of no council`);
      // The threshold counts all members; the votes must come from those who may vote (not the initiator).
      const voters = council?.filter((m) => m.userId !== context.initiatorId).length;
      if (voters !== undefined && count > voters) {
        return { kind: 'unprocessable', code: 'case.council_too_small', params: { unit: unit.name, members: voters, required: count } };
      }
      votes[which] = count;
    }
    chain.push({
      id: step.id,
      levelCode: unit.levelCode,
      levelName: unit.levelName,
      unitId: unit.id,
      unitName: unit.name,
      escalationUnitId: path[index + 1]?.id ?? null,
      actions: [...step.actions],
      commentRequiredFor: [...step.commentRequiredFor],
      approveData: (step.approveData ?? []).map((f) => structuredClone(f)),
      votes,
      deadline: {
        afterMs: step.deadline.days * dayMs,
        endOfDay: dayMs === DAY_MS,
        escalateAfterMs: step.deadline.escalateAfterDays === null ? null : step.deadline.escalateAfterDays * dayMs,
        ...workingDeadline(step.deadline, dayMs),
      },
      // Only what the definition says: a chain of an older definition stays as it was (and replays alike).
      ...(step.deciders && 'roles' in step.deciders ? { deciderRoles: [...step.deciders.roles] } : {}),
      ...(council ? { council: council.map((p) => ({ userId: p.userId, displayName: p.displayName })) } : {}),
      ...(step.allowEarlierDeciders ? { allowEarlierDeciders: true } : {}),
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
