import { PathUnit, resolveChain, ResolvedStep } from '@lienthong/domain';
import { campaignRemittanceDefinition } from './campaign-remittance.definition';
import { campaignRemittanceExample, campaignRemittancePayloadSchema } from './campaign-remittance.payload';

const unit = (id: string, levelCode: string): PathUnit => ({ id, name: id, levelCode, levelName: levelCode });
const decider = (path: PathUnit[]) => (resolveChain(campaignRemittanceDefinition, path) as { chain: ResolvedStep[] }).chain.map((s) => s.unitId);

describe('campaign remittance', () => {
  it('is confirmed by the parent of the remitting unit, whatever its level', () => {
    expect(decider([unit('ch1', 'branch'), unit('ngocthuy', 'ward'), unit('longbien', 'district')])).toEqual(['ngocthuy']);
    // A ward never confirms its own remittance: its district does.
    expect(decider([unit('ngocthuy', 'ward'), unit('longbien', 'district')])).toEqual(['longbien']);
  });

  it('has nobody to confirm at the top of the tree', () => {
    expect(resolveChain(campaignRemittanceDefinition, [unit('longbien', 'district')])).toMatchObject({ code: 'case.no_deciding_unit' });
  });

  it('takes whole đồng, at least 1, and its example', () => {
    expect(campaignRemittancePayloadSchema.safeParse(campaignRemittanceExample.payload).success).toBe(true);
    for (const amount of [0, -1, 1.5]) {
      expect(campaignRemittancePayloadSchema.safeParse({ ...campaignRemittanceExample.payload, amount }).success).toBe(false);
    }
  });
});
