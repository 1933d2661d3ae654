import { campaignExtensionExample, campaignRemittanceExample, type CampaignExtensionPayload, type CampaignRemittancePayload } from '@lienthong/processes';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../i18n';
import { CampaignExtensionPayloadView } from '../campaign-extension/CampaignExtensionPayloadView';
import { startableProcesses, webProcess } from '../registry';
import type { Detail } from '../types';
import { CampaignRemittancePayloadView } from './CampaignRemittancePayloadView';

const c = {} as Detail;

describe('campaign remittances and extensions in the web app', () => {
  it('show what the parent decides on: the campaign, the money or the days, and why', () => {
    render(<CampaignRemittancePayloadView payload={campaignRemittanceExample.payload as CampaignRemittancePayload} c={c} />);
    expect(screen.getByText('VD-2026-0001 · Ủng hộ đồng bào bị bão lũ năm 2026')).toBeTruthy();
    expect(screen.getByText(/1\.500\.000/)).toBeTruthy();
    expect(screen.getByText('01/12/2026')).toBeTruthy();
    expect(screen.getByText('Phiếu thu số 12')).toBeTruthy();

    render(<CampaignExtensionPayloadView payload={campaignExtensionExample.payload as CampaignExtensionPayload} c={c} />);
    expect(screen.getByText('15/01/2027')).toBeTruthy();
    expect(screen.getByText('Nhiều hội viên đi làm ăn xa, cuối tháng Giêng mới về.')).toBeTruthy();
  });

  it('are not offered as cases to open: the campaign screens open them', () => {
    expect(webProcess('campaign-remittance')?.Form).toBeUndefined();
    const officer = {
      id: 'p',
      username: 'x',
      displayName: 'X',
      memberships: [{ role: 'officer' as const, unit: { id: 'u', name: 'Chi hội 1', parentId: null, organizationId: 'o', level: { code: 'branch', name: 'Chi hội', rank: 0 } }, organization: {} }],
    };
    expect(startableProcesses(officer).map((s) => s.process.processType)).not.toContain('campaign-remittance');
    expect(startableProcesses(officer).map((s) => s.process.processType)).not.toContain('campaign-extension');
  });
});
