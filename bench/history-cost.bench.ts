import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { caseWorkflowId } from '@lienthong/contracts';
import { DemoSession, housingCase, post, today } from './throughput.bench';

const EventType = temporal.api.enums.v1.EventType;

export interface HistoryCost {
  /** The changes the case went through, each one API call. */
  changes: string[];
  events: number;
  stateTransitions: number;
  eventsPerChange: number;
  byType: Record<string, number>;
}

/**
 * One housing case through the API from submission to handover — ward and district approvals, two
 * disbursements, three milestones — then its history as Temporal stores it. Every event is a write
 * the server makes (and a row a replay reads), so this is the cost per case of the whole design.
 */
export async function measureHistoryCost(session: DemoSession, client: Client): Promise<HistoryCost> {
  const { tokens } = session;
  const created = await post<{ id: string }>(session, tokens.branch, '/cases', housingCase(session.branchUnitId, 0), 201);
  const id = created.id;
  const changes = ['submit'];
  const step = async (name: string, token: string, path: string, body: unknown) => {
    await post(session, token, `/cases/${id}${path}`, body, 200);
    changes.push(name);
  };
  await step('ward approval', tokens.ward, '/decisions', { action: 'approve', comment: 'Đã khảo sát' });
  await step('district approval', tokens.district, '/decisions', {
    action: 'approve',
    data: { approvedAmount: 30_000_000, fundingSource: 'Quỹ Nghĩa tình đồng đội' },
  });
  await step('disbursement 1', tokens.district, '/disbursements', { amount: 15_000_000, date: today(), note: 'Đợt 1' });
  await step('construction started', tokens.branch, '/milestones', { kind: 'construction-started', date: today() });
  await step('disbursement 2', tokens.district, '/disbursements', { amount: 15_000_000, date: today(), note: 'Đợt 2' });
  await step('construction completed', tokens.branch, '/milestones', { kind: 'construction-completed', date: today() });
  await step('handed over', tokens.ward, '/milestones', { kind: 'handed-over', date: today() });

  const handle = client.workflow.getHandle(caseWorkflowId(id));
  await handle.result();
  const history = await handle.fetchHistory();
  const described = await handle.describe();
  const byType: Record<string, number> = {};
  for (const e of history.events ?? []) {
    const name = EventType[e.eventType ?? 0].replace(/^EVENT_TYPE_/, '');
    byType[name] = (byType[name] ?? 0) + 1;
  }
  const events = history.events?.length ?? 0;
  return {
    changes,
    events,
    stateTransitions: Number(described.raw.workflowExecutionInfo?.stateTransitionCount ?? 0),
    eventsPerChange: Math.round((events / changes.length) * 10) / 10,
    byType,
  };
}
