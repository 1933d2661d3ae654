import { PathUnit, resolveChain, ResolvedStep } from '@lienthong/domain';
import { campaignExtensionDefinition } from './campaign-extension.definition';
import { campaignExtensionExample } from './campaign-extension.payload';

const unit = (id: string, levelCode: string): PathUnit => ({ id, name: id, levelCode, levelName: levelCode });

describe('campaign extension', () => {
  it('is decided by the parent of the asking unit', () => {
    const resolved = resolveChain(campaignExtensionDefinition, [unit('ch1', 'branch'), unit('ngocthuy', 'ward'), unit('longbien', 'district')]);
    expect((resolved as { chain: ResolvedStep[] }).chain.map((s) => [s.id, s.unitId])).toEqual([['parent-decision', 'ngocthuy']]);
  });

  it('asks for a day after the end date', () => {
    const check = campaignExtensionDefinition.checkPayload!;
    expect(check(campaignExtensionExample.payload, '2026-12-01')).toBeNull();
    expect(check({ ...campaignExtensionExample.payload, until: '2026-12-31' }, '2026-12-01')).toMatchObject({ code: 'campaign.extension_not_later' });
  });
});
