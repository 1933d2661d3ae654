import { TestWorkflowEnvironment } from '@temporalio/testing';
import { collectingWorker, startTimeSkipping } from '../support/time-skipping';
import { caseStateQuery, caseWorkflowId, CaseWorkflowInput } from '@lienthong/contracts';
import {
  calendarWindow,
  CaseState,
  dateInHcm,
  frozenCalendarWindow,
  ProcessDefinition,
  resolveChain,
  toWorkingCalendar,
  VIETNAM_CALENDAR_SEED,
} from '@lienthong/domain';
import { housingSupportDefinition, PROCESSES } from '@lienthong/processes';
import { caseInput, PATH } from '../support/workflow-harness';

/** Housing with the ward's deadline in working days (the real definition keeps its 7 calendar days). */
const workingDefinition: ProcessDefinition = {
  ...housingSupportDefinition,
  steps: [
    { ...housingSupportDefinition.steps[0], deadline: { days: 5, unit: 'working', escalateAfterDays: 2 } },
    housingSupportDefinition.steps[1],
  ],
};

/** Wednesday 3 February 2027, 10:00 in Hà Nội: three days before Tết Đinh Mùi. */
const ENTERED = Date.parse('2027-02-03T03:00:00Z');
/** The end of a day in Hà Nội. */
const endOf = (date: string) => Date.parse(`${date}T16:59:59.999Z`);

/** Polls (real time) until `check` holds; the time-skipping server may still be running the timer's task. */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A step in 5 working days entered just before Tết 2027, on Temporal's time-skipping test server, with
 * the calendar frozen into the case as the API freezes it: Tết (Fri 5/2 – Tue 9/2), its nghỉ bù (Wed 10/2,
 * Thu 11/2) and the weekends do not count, so the step is due at the end of Wednesday 17/2 in Hà Nội —
 * not on 8/2 (5 calendar days) nor on 10/2 (weekends only) — and escalates 2 working days later (19/2).
 */
describe('a deadline in working days across Tết 2027 (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTimeSkipping();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('is overdue after the end of the 5th working day, counting Tết and weekends out, and escalates 2 working days later', async () => {
    const { worker, taskQueue, projections } = await collectingWorker(env, 'working-days');
    const events = () => projections.flatMap((p) => p.events);
    const skipTo = async (t: number) => env.sleep(t - (await env.currentTimeMs()));

    await worker.runUntil(async () => {
      // The server's clock starts at today's date: move it to the morning of 3 February 2027.
      const now = await env.currentTimeMs();
      expect(now).toBeLessThan(ENTERED);
      await skipTo(ENTERED);

      const resolved = resolveChain(workingDefinition, PATH);
      if (!('chain' in resolved)) throw new Error(resolved.code);
      const window = frozenCalendarWindow(ENTERED);
      const input: CaseWorkflowInput = {
        ...caseInput(),
        chain: resolved.chain,
        calendar: calendarWindow(toWorkingCalendar(VIETNAM_CALENDAR_SEED), window.from, window.to),
      };
      const handle = await env.client.workflow.start(PROCESSES.workflowTypeOf('housing-support')!, {
        workflowId: caseWorkflowId(input.caseId),
        taskQueue,
        args: [input],
      });
      const state = () => handle.query(caseStateQuery);
      const step = (s: CaseState) => s.step!;

      const opened = await state();
      expect(dateInHcm(Date.parse(opened.submittedAt))).toBe('2027-02-03');
      const dueAt = Date.parse(step(opened).dueAt);
      const escalateAt = Date.parse(step(opened).escalateAt!);
      expect(dueAt).toBe(endOf('2027-02-17'));
      expect(escalateAt).toBe(endOf('2027-02-19'));

      // Where calendar days (8/2) or weekends alone (10/2) would have put it, and the day before: still in time.
      for (const day of ['2027-02-08', '2027-02-10', '2027-02-16']) {
        await skipTo(endOf(day) + 60_000);
        expect([day, step(await state()).overdue]).toEqual([day, false]);
      }
      await skipTo(dueAt - 2_000);
      expect(step(await state())).toMatchObject({ overdue: false, escalated: false });
      expect(events().map((e) => e.action)).not.toContain('overdue');

      await skipTo(dueAt + 2_000);
      expect(step(await until(state, (s) => step(s).overdue))).toMatchObject({ overdue: true, escalated: false });
      const overdue = events().find((e) => e.action === 'overdue')!;
      // Fired by a timer set for the due time: never before it.
      expect(Date.parse(overdue.at)).toBeGreaterThanOrEqual(dueAt);
      expect(Date.parse(overdue.at)).toBeLessThan(dueAt + 2_000);

      await skipTo(escalateAt - 2_000);
      expect(step(await state()).escalated).toBe(false);
      await skipTo(escalateAt + 2_000);
      expect(step(await until(state, (s) => step(s).escalated)).escalated).toBe(true);
      const escalated = events().find((e) => e.action === 'escalated')!;
      expect(Date.parse(escalated.at)).toBeGreaterThanOrEqual(escalateAt);
      expect(events().map((e) => e.action)).toEqual(['submitted', 'overdue', 'escalated']);
      await handle.terminate('test done');
    });
  });
});
