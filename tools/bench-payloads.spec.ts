import { dateInHcm, settingAmount, settingsInForce } from '@lienthong/domain';
import { PROCESSES } from '@lienthong/processes';
import { CASE_COLUMN_TYPES, caseTemplates } from '../bench/read-model.templates';
import { housingCase } from '../bench/throughput.bench';

/**
 * `npm run bench` drives the real API with a housing case; it is not part of the test run, so a rule
 * that tightens (the support cap of 10/11/2024 did) would only break it at the next full run.
 * This keeps its case acceptable under the rules in force today.
 */
describe('the benchmark case', () => {
  const body = housingCase('u-branch', 1);
  const definitions = PROCESSES.definitions.filter((d) => d.processType === body.processType);
  const latest = definitions.reduce((a, b) => (b.version > a.version ? b : a));
  const today = dateInHcm(Date.now());

  it('is a valid payload for the latest housing definition', () => {
    const parsed = latest.payloadSchema.safeParse(body.payload);
    expect(parsed.success ? null : parsed.error.issues).toBeNull();
    expect(latest.checkPayload?.(body.payload, today) ?? null).toBeNull();
  });

  it('asks for no more than the support cap in force today, which the district then grants', () => {
    const cap = settingAmount(settingsInForce(latest.settings, today), { key: 'supportCap', by: 'kind' }, body.payload);
    expect(cap).not.toBeNull();
    expect(body.payload.requestedAmount).toBeLessThanOrEqual(cap!.amount);
  });
});

/** The read-model bench bulk-loads case rows as the projection writes them; a new column needs its SQL type there. */
describe('the benchmark read-model load', () => {
  it('knows the SQL type of every column the projection writes', () => {
    const columns = new Set(caseTemplates().flatMap((t) => Object.keys(t.row)));
    expect([...columns].filter((c) => !(c in CASE_COLUMN_TYPES))).toEqual([]);
  });
});
