import { supportVisitDefinition } from './support-visit.definition';
import { supportVisitPayloadSchema } from './support-visit.payload';

describe('support visit payload', () => {
  const valid = { kind: 'condolence', recipient: { name: 'Gia đình ông Trần Đình Thắng' }, date: '2026-11-30', amount: 2_000_000 };

  it('takes a visit without money, and refuses a negative or fractional amount and an unknown kind', () => {
    expect(supportVisitPayloadSchema.safeParse({ ...valid, amount: 0 }).success).toBe(true);
    for (const bad of [{ amount: -1 }, { amount: 1.5 }, { kind: 'party' }, { date: '30/11/2026' }, { recipient: { name: ' ' } }]) {
      expect(supportVisitPayloadSchema.safeParse({ ...valid, ...bad }).success).toBe(false);
    }
  });

  it('refuses a visit dated after today in Vietnam, takes one dated today', () => {
    const check = supportVisitDefinition.checkPayload!;
    expect(check({ ...valid, date: '2026-12-03' }, '2026-12-02')).toEqual({
      kind: 'unprocessable',
      code: 'visit.date_in_future',
      params: { date: '2026-12-03' },
    });
    expect(check({ ...valid, date: '2026-12-02' }, '2026-12-02')).toBeNull();
  });
});
