/**
 * Case templates for the read-model benchmark: each one is a housing case driven through the real
 * approval rules (openCase, applyDecision, applyAlarm, …) and turned into rows with the projection's
 * own `caseColumns`, with sentinel values standing for what differs per case (IDs, names, amounts,
 * times). `compileSql` turns a sentinel-bearing value into a SQL expression over one row `p` of the
 * bench's parameter table, so the bulk load writes exactly the shapes the projection writes.
 */
import {
  Actor,
  applyAlarm,
  applyCancel,
  applyDecision as applyDecisionOf,
  applyResubmit,
  CaseEvent,
  CaseState,
  dateInHcm,
  nextAlarm as nextAlarmOf,
  openCase,
  resolveChain,
} from '@lienthong/domain';
import { caseColumns } from '@lienthong/persistence';
import { housingSupportDefinition, PROCESSES } from '@lienthong/processes';

const phase = PROCESSES.phaseOf(housingSupportDefinition.processType)!;
const applyDecision = (...args: Parameters<typeof applyDecisionOf> extends [...infer A, unknown] ? A : never) => applyDecisionOf(...args, phase);
const nextAlarm = (state: CaseState) => nextAlarmOf(state, phase);

/** 12:00 in Hà Nội on a Monday: the simulated submission time every template starts from. */
export const T0 = Date.UTC(2025, 0, 6, 5, 0, 0);
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Sentinels: values that stand for a per-case column of the parameter table `p`. */
export const S = {
  caseId: '5e000000-0000-4000-8000-00000000ca5e',
  origin: '5e000000-0000-4000-8000-0000000000b1',
  ward: '5e000000-0000-4000-8000-0000000000a1',
  district: '5e000000-0000-4000-8000-0000000000d1',
  city: '5e000000-0000-4000-8000-0000000000c1',
  initiator: '5e000000-0000-4000-8000-0000000000e1',
  wardUser: '5e000000-0000-4000-8000-0000000000e2',
  districtUser: '5e000000-0000-4000-8000-0000000000e3',
  requestHash: 'feedface'.repeat(8),
  eventHash: 'deadbeef'.repeat(8),
  updateKey: '5e000000-0000-4000-8000-0000000000f1',
  originName: '@@ORIGIN_NAME@@',
  wardName: '@@WARD_NAME@@',
  districtName: '@@DISTRICT_NAME@@',
  cityName: '@@CITY_NAME@@',
  initiatorName: '@@INI_NAME@@',
  wardUserName: '@@WU_NAME@@',
  districtUserName: '@@DU_NAME@@',
  name: '@@NAME@@',
  address: '@@ADDR@@',
  estimated: 912_345_670,
  requested: 812_345_670,
  half: 406_172_835,
};

/** Sentinel → SQL expression over `p` (text). Folded forms are what foldVietnamese makes of the sentinel. */
const TEXT: [string, string][] = [
  [S.caseId, 'p.id::text'],
  ['@@ORG@@', 'p.org_id::text'],
  [S.origin, 'p.origin_id::text'],
  [S.ward, 'p.ward_id::text'],
  [S.district, 'p.district_id::text'],
  [S.city, 'p.city_id::text'],
  [S.initiator, 'p.ini_id::text'],
  [S.wardUser, 'p.wu_id::text'],
  [S.districtUser, 'p.du_id::text'],
  [S.requestHash, 'p.rh'],
  [S.eventHash, 'p.rh2'],
  [S.updateKey, 'p.uk::text'],
  [S.originName, 'p.origin_name'],
  [S.wardName, 'p.ward_name'],
  [S.districtName, 'p.district_name'],
  [S.cityName, 'p.city_name'],
  [S.initiatorName, 'p.ini_name'],
  [S.wardUserName, 'p.wu_name'],
  [S.districtUserName, 'p.du_name'],
  [S.name, 'p.name'],
  [S.address, 'p.addr'],
  ['@@name@@', 'p.name_f'],
  ['@@addr@@', 'p.addr_f'],
  [String(S.estimated), 'p.est::text'],
  [String(S.requested), 'p.req::text'],
  [String(S.half), '(p.req / 2)::text'],
];

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/;
const DATE = /\d{4}-\d{2}-\d{2}(?![T\d])/;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TOKEN = new RegExp([ISO.source, DATE.source, ...TEXT.map(([s]) => escapeRe(s))].join('|'), 'g');
const SQL_OF = new Map(TEXT);
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const hcmDays = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${dateInHcm(T0)}T00:00:00Z`)) / DAY);

/** A timestamp of the simulation as a timestamptz expression: end of a Hà Nội day stays end of day. */
export function tsSql(iso: string): string {
  if (iso.endsWith('T16:59:59.999Z')) {
    // endOfDateHcm: 23:59:59.999 in Asia/Ho_Chi_Minh of a day counted from the submission's day.
    const k = hcmDays(iso.slice(0, 10));
    return `((((p.a0 AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + ${k + 1})::timestamp - interval '1 millisecond') AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
  }
  return `(p.a0 + interval '${Date.parse(iso) - T0} milliseconds')`;
}

function tokenSql(token: string): string {
  if (ISO.test(token) && token.length === 24) return `to_char(${tsSql(token)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(token)) return `to_char((p.a0 AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + ${hcmDays(token)}, 'YYYY-MM-DD')`;
  const sql = SQL_OF.get(token);
  if (!sql) throw new Error(`No SQL for token ${token}`);
  return sql;
}

/** A text with sentinels as one `concat(...)` expression (one pass, no quadratic `||` chains). */
export function textSql(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index! > last) parts.push(lit(text.slice(last, m.index)));
    parts.push(tokenSql(m[0]));
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push(lit(text.slice(last)));
  if (parts.length === 0) return "''";
  if (parts.length === 1) return parts[0].startsWith("'") ? parts[0] : `(${parts[0]})`;
  // concat takes at most 100 arguments: nest in chunks.
  const chunk = (xs: string[]): string => (xs.length <= 90 ? `concat(${xs.join(', ')})` : chunk(chunks(xs, 90).map((c) => `concat(${c.join(', ')})`)));
  return chunk(parts);
}

const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Any column value of the projection as a SQL expression of the column's type. */
export function valueSql(value: unknown, type: 'text' | 'uuid' | 'timestamptz' | 'bigint' | 'int' | 'bool' | 'jsonb' | 'uuid[]' | 'text[]'): string {
  // Typed, because a CASE whose branches are all NULL is text otherwise.
  if (value === null || value === undefined) return type === 'text' ? 'NULL' : `NULL::${type}`;
  switch (type) {
    case 'timestamptz':
      return tsSql(String(value));
    case 'uuid':
      return `${textSql(String(value))}::uuid`;
    case 'uuid[]':
    case 'text[]':
      return (value as string[]).length ? `ARRAY[${(value as string[]).map((v) => textSql(v)).join(', ')}]::${type}` : `'{}'::${type}`;
    case 'bigint':
    case 'int':
      return `(${textSql(String(value))})::${type}`;
    case 'bool':
      return value ? 'true' : 'false';
    case 'jsonb':
      return `${textSql(typeof value === 'string' ? value : JSON.stringify(value))}::jsonb`;
    default:
      return textSql(String(value));
  }
}

export const CASE_COLUMN_TYPES: Record<string, Parameters<typeof valueSql>[1]> = {
  id: 'uuid',
  organization_id: 'uuid',
  process_type: 'text',
  definition_version: 'int',
  origin_unit_id: 'uuid',
  title: 'text',
  status: 'text',
  current_step: 'text',
  current_level: 'text',
  deciding_unit_id: 'uuid',
  due_at: 'timestamptz',
  overdue: 'bool',
  escalated: 'bool',
  requested_amount: 'bigint',
  approved_amount: 'bigint',
  disbursed_amount: 'bigint',
  funding_source: 'text',
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  closed_at: 'timestamptz',
  last_seq: 'int',
  decided_by: 'uuid[]',
  deciding_roles: 'text[]',
  deciding_user_ids: 'uuid[]',
  search_text: 'text',
  request_hash: 'text',
  state: 'jsonb',
  workflow_id: 'text',
};

export interface CaseTemplate {
  key: string;
  /** Share of all cases. */
  weight: number;
  /** The row as the projection writes it, with sentinels. */
  row: Record<string, unknown>;
  events: CaseEvent[];
  /** Age (now − submission) range in ms in which the stored state is current: past the last event, before the next alarm. */
  minAgeMs: number;
  maxAgeMs: number;
}

const FUNDS = ['Quỹ Nghĩa tình đồng đội', 'Quỹ "Vì người nghèo" quận', 'Quỹ hỗ trợ hội viên khó khăn'];
const MAX_AGE = 5 * 365 * DAY;

type Step = (s: Sim) => void;
interface Sim {
  state: CaseState;
  events: CaseEvent[];
  now: number;
}

const branch: Actor = { userId: S.initiator, displayName: S.initiatorName, unitIds: [S.origin] };
const wardOfficer: Actor = { userId: S.wardUser, displayName: S.wardUserName, unitIds: [S.ward] };
const districtOfficer: Actor = { userId: S.districtUser, displayName: S.districtUserName, unitIds: [S.district] };

const at = (days: number, hours = 0) => (s: Sim) => {
  s.now = T0 + days * DAY + hours * HOUR;
};
const push = (s: Sim, events: CaseEvent[]) => s.events.push(...events.map((e) => ({ ...e })));
const wardDecides = (action: 'approve' | 'return' | 'reject', comment: string | null): Step => (s) =>
  push(s, applyDecision(s.state, wardOfficer, { action, comment }, s.now));
const districtApproves = (fund: string): Step => (s) =>
  push(s, applyDecision(s.state, districtOfficer, { action: 'approve', comment: 'Đồng ý hỗ trợ', data: { approvedAmount: S.requested, fundingSource: fund } }, s.now));
const districtRejects: Step = (s) =>
  push(s, applyDecision(s.state, districtOfficer, { action: 'reject', comment: 'Hộ đã được hỗ trợ từ chương trình khác của thành phố' }, s.now));
const alarm: Step = (s) => {
  const when = nextAlarm(s.state);
  if (when === null) throw new Error('no alarm to fire');
  s.now = when;
  push(s, applyAlarm(s.state, s.now, phase));
};
/** The branch records the works, the ward confirms the handover. */
const milestone = (kind: string, note: string | null): Step => (s) =>
  push(s, phase.operations.milestone!.apply(s.state, kind === 'handed-over' ? wardOfficer : branch, { kind, date: dateInHcm(s.now), note }, s.now));
const disburse = (note: string): Step => (s) =>
  push(s, phase.operations.disbursement!.apply(s.state, districtOfficer, { amount: S.half, date: dateInHcm(s.now), note }, s.now));
const cancel: Step = (s) => push(s, applyCancel(s.state, branch, 'Gia đình đã nhận hỗ trợ từ nguồn khác', s.now));

function payload(kind: 'new-build' | 'repair') {
  return {
    beneficiary: { name: S.name, address: S.address },
    situation:
      kind === 'new-build'
        ? 'Nhà tạm bằng tôn và gỗ, xuống cấp nghiêm trọng, mùa mưa dột nát; hộ có 4 người, thu nhập thấp.'
        : 'Nhà cấp 4 xây từ những năm 1980, mái ngói dột, tường nứt; gia đình không đủ khả năng tự sửa chữa.',
    kind,
    estimatedCost: S.estimated,
    requestedAmount: S.requested,
    otherFunding: [],
  };
}

const resubmit = (kind: 'new-build' | 'repair'): Step => (s) =>
  push(s, applyResubmit(s.state, branch, { payload: payload(kind), comment: 'Đã bổ sung biên bản khảo sát và dự toán' }, s.now));

function simulate(key: string, weight: number, kind: 'new-build' | 'repair', steps: Step[]): CaseTemplate {
  const path = [
    { id: S.origin, name: S.originName, levelCode: 'branch', levelName: 'Chi hội' },
    { id: S.ward, name: S.wardName, levelCode: 'ward', levelName: 'Phường' },
    { id: S.district, name: S.districtName, levelCode: 'district', levelName: 'Quận' },
    { id: S.city, name: S.cityName, levelCode: 'city', levelName: 'Thành phố' },
  ];
  const resolved = resolveChain(housingSupportDefinition, path);
  if (!('chain' in resolved)) throw new Error(`chain: ${resolved.code}`);
  const title = `${kind === 'new-build' ? 'Xây mới nhà cho hội viên' : 'Hỗ trợ sửa nhà cho hội viên'} ${S.name}`;
  const opened = openCase(
    {
      caseId: S.caseId,
      processType: housingSupportDefinition.processType,
      definitionVersion: housingSupportDefinition.version,
      organizationId: '@@ORG@@',
      originUnitId: S.origin,
      title,
      payload: payload(kind),
      initiator: { userId: S.initiator, displayName: S.initiatorName },
      chain: resolved.chain,
      plan: resolved.plan,
      resubmitTo: housingSupportDefinition.resubmitTo ?? 'returning-step',
    },
    T0,
  );
  const sim: Sim = { state: opened.state, events: [...opened.events], now: T0 };
  for (const step of steps) step(sim);
  // Events of a decision carry the Update ID (user:Idempotency-Key) and the request hash; clock events none.
  const events = sim.events.map((e) => ({
    ...e,
    updateId: e.actor && e.seq > 1 ? `${e.actor.userId}:${S.updateKey}` : null,
    requestHash: e.actor && e.seq > 1 ? S.eventHash : null,
  }));
  const row = caseColumns(sim.state, S.requestHash, housingSupportDefinition, phase);
  const last = Date.parse(sim.state.updatedAt) - T0;
  const next = nextAlarm(sim.state);
  return {
    key,
    weight,
    row,
    events,
    minAgeMs: last + HOUR,
    maxAgeMs: next === null ? MAX_AGE : Math.min(MAX_AGE, next - T0 - HOUR),
  };
}

/**
 * The mix of a district association a few years in: most cases closed (handed over, rejected,
 * cancelled) or in construction, about 3% waiting at the ward or the district, some of those overdue.
 */
export function caseTemplates(): CaseTemplate[] {
  const t: CaseTemplate[] = [];
  for (const kind of ['repair', 'new-build'] as const) {
    const share = kind === 'repair' ? 0.6 : 0.4;
    const f = FUNDS[kind === 'repair' ? 0 : 1];
    const w = (x: number) => x * share;
    t.push(simulate(`${kind}.pending-ward`, w(0.009), kind, []));
    t.push(simulate(`${kind}.pending-ward-overdue`, w(0.003), kind, [alarm]));
    t.push(simulate(`${kind}.pending-ward-escalated`, w(0.002), kind, [alarm, alarm]));
    t.push(simulate(`${kind}.pending-district`, w(0.01), kind, [at(2, 3), wardDecides('approve', 'Đã khảo sát thực tế, đúng hoàn cảnh')]));
    t.push(simulate(`${kind}.pending-district-overdue`, w(0.003), kind, [at(3), wardDecides('approve', null), alarm]));
    t.push(simulate(`${kind}.pending-district-escalated`, w(0.002), kind, [at(4), wardDecides('approve', null), alarm, alarm]));
    t.push(simulate(`${kind}.returned`, w(0.012), kind, [at(3, 2), wardDecides('return', 'Bổ sung biên bản khảo sát có xác nhận của tổ dân phố')]));
    t.push(simulate(`${kind}.rejected-ward`, w(0.03), kind, [at(4), wardDecides('reject', 'Hộ không thuộc diện hỗ trợ')]));
    t.push(simulate(`${kind}.rejected-district`, w(0.02), kind, [at(3), wardDecides('approve', null), at(11), districtRejects]));
    t.push(simulate(`${kind}.cancelled`, w(0.02), kind, [at(1, 4), cancel]));
    t.push(simulate(`${kind}.approved`, w(0.02), kind, [at(3), wardDecides('approve', null), at(10), districtApproves(f)]));
    t.push(
      simulate(`${kind}.building`, w(0.06), kind, [
        at(3), wardDecides('approve', null), at(10), districtApproves(f),
        at(16), disburse('Tạm ứng đợt 1'), at(30), milestone('construction-started', 'Khởi công'),
      ]),
    );
    t.push(simulate(`${kind}.building-late`, w(0.015), kind, [at(2), wardDecides('approve', null), at(9), districtApproves(f), alarm]));
    t.push(
      simulate(`${kind}.built`, w(0.03), kind, [
        at(3), wardDecides('approve', null), at(12), districtApproves(f),
        at(18), disburse('Tạm ứng đợt 1'), at(35), milestone('construction-started', 'Khởi công'),
        at(110), milestone('construction-completed', null), at(112), disburse('Thanh toán đợt 2'),
      ]),
    );
    t.push(
      simulate(`${kind}.handed-over-after-return`, w(0.06), kind, [
        at(3), wardDecides('return', 'Bổ sung dự toán chi tiết'), at(6), resubmit(kind), at(8), wardDecides('approve', null),
        at(15), districtApproves(f), at(20), disburse('Tạm ứng đợt 1'), at(32), milestone('construction-started', null),
        at(120), milestone('construction-completed', null), at(123), disburse('Thanh toán đợt 2'),
        at(130), milestone('handed-over', 'Bàn giao nhà cho gia đình'),
      ]),
    );
    const others = t.filter((x) => x.key.startsWith(kind)).reduce((a, x) => a + x.weight, 0);
    t.push(
      simulate(`${kind}.handed-over`, share - others, kind, [
        at(3), wardDecides('approve', 'Đúng hoàn cảnh'), at(10), districtApproves(f),
        at(17), disburse('Tạm ứng đợt 1'), at(28), milestone('construction-started', 'Khởi công'),
        at(105), milestone('construction-completed', null), at(108), disburse('Thanh toán đợt 2'),
        at(115), milestone('handed-over', 'Bàn giao nhà cho gia đình'),
      ]),
    );
  }
  return t;
}
