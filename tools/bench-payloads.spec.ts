import { dateInHcm, settingAmount, settingsInForce } from '@lienthong/domain';
import { PROCESSES } from '@lienthong/processes';
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
