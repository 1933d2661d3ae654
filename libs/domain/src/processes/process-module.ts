import type { ExecutionPhase } from '../execution/execution-phase';
import { findDefinition, ProcessDefinition, validateDefinitions } from './process-definition';

/** The workflow type a process runs as unless its module names its own: the generic case workflow. */
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export type Messages = Record<string, { vi: string; en: string }>;

/**
 * Everything Liên Thông knows about one process, from its module folder
 * (libs/processes/src/<type>/): its definitions (data: the chain, the payload schema, deadlines,
 * settings), the rules of its execution phase, its texts and an example for the API document. The
 * API, the worker, the projection and the OpenAPI document take processes from one registry of
 * these, so adding a process is a folder and a registry line.
 */
export interface ProcessModule {
  processType: string;
  /** Every version and organization variant; a new case takes the latest that applies to it. */
  definitions: readonly ProcessDefinition[];
  /** What happens after the last approval; null: the case completes at its last approval. */
  phase: ExecutionPhase | null;
  /** The module's own message codes (its rules' refusals, its phase's notifications), vi and en. */
  messages: Messages;
  /**
   * Words that belong to this process alone (besides its type and the objects holding its people):
   * generic code may not use them, which a test checks (tools/process-boundaries.spec.ts).
   */
  ownWords: string[];
  /** A filled-in request, for the API document and for people reading it. */
  example: { title: string; payload: Record<string, unknown> };
  /**
   * Temporal workflow type. Every process runs the generic case workflow (workflows/case), which
   * installs the chain and the module's phase; a process that needs workflow code of its own names it.
   */
  workflowType?: string;
  /**
   * Who opens its cases. Absent: anyone through `POST /api/cases`. Set: only the named primitive (a
   * campaign opens a case to confirm a remittance), for the purpose it names; the generic route refuses
   * the type. The primitive finds the module by purpose (`startedBy`), so generic code names no process,
   * and a case's outcome goes back to the primitive (`CaseOutcomeHandlers` in libs/persistence).
   */
  startedBy?: { primitive: string; purpose: string };
}

/** The processes a build runs, checked once at boot. */
export class ProcessRegistry {
  private readonly byType: ReadonlyMap<string, ProcessModule>;
  readonly definitions: readonly ProcessDefinition[];

  constructor(readonly modules: readonly ProcessModule[]) {
    const problems: string[] = [];
    const byType = new Map<string, ProcessModule>();
    const purposes = new Map<string, string>();
    for (const m of modules) {
      if (byType.has(m.processType)) problems.push(`${m.processType} is registered twice`);
      byType.set(m.processType, m);
      if (m.startedBy) {
        const key = `${m.startedBy.primitive}/${m.startedBy.purpose}`;
        if (purposes.has(key)) problems.push(`${m.processType} and ${purposes.get(key)} both serve ${key}`);
        purposes.set(key, m.processType);
      }
      if (m.definitions.length === 0) problems.push(`${m.processType} has no definition`);
      for (const d of m.definitions) {
        if (d.processType !== m.processType) problems.push(`${m.processType} holds a definition of ${d.processType}`);
        if (d.execution && !m.phase) problems.push(`${m.processType}@${d.version} has execution data but the module has no phase`);
      }
      for (const [code, text] of Object.entries(m.messages)) {
        if (!text.vi?.trim() || !text.en?.trim()) problems.push(`${m.processType}: message ${code} needs vi and en`);
      }
    }
    if (problems.length) throw new Error(`Invalid process registry:\n  - ${problems.join('\n  - ')}`);
    this.byType = byType;
    this.definitions = modules.flatMap((m) => m.definitions);
    validateDefinitions(this.definitions);
  }

  get(processType: string): ProcessModule | null {
    return this.byType.get(processType) ?? null;
  }

  get types(): string[] {
    return [...this.byType.keys()];
  }

  workflowTypeOf(processType: string): string | null {
    const m = this.get(processType);
    return m ? (m.workflowType ?? CASE_WORKFLOW_TYPE) : null;
  }

  /** Whether `POST /api/cases` may open cases of this type (not one a primitive opens itself). */
  startableByApi(processType: string): boolean {
    const m = this.get(processType);
    return !!m && !m.startedBy;
  }

  /** The module a primitive opens its cases of `purpose` with, or null when the build has none. */
  startedBy(primitive: string, purpose: string): ProcessModule | null {
    return this.modules.find((m) => m.startedBy?.primitive === primitive && m.startedBy.purpose === purpose) ?? null;
  }

  phaseOf(processType: string): ExecutionPhase | null {
    return this.get(processType)?.phase ?? null;
  }

  /** The definition a new case of `processType` in organization `orgCode` takes. */
  definitionFor(processType: string, orgCode: string): ProcessDefinition | null {
    return findDefinition(this.definitions, processType, orgCode);
  }

  /** Every module's messages, for the API's translations. */
  get messages(): Messages {
    return Object.assign({}, ...this.modules.map((m) => m.messages));
  }
}
