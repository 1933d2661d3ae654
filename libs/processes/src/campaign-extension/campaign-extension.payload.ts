import { z } from 'zod';

/**
 * An extension request's payload, written by the campaign API (`POST /api/campaigns/:id/extensions`):
 * the unit asks its parent to keep recording contributions until `until`, past the campaign's end.
 */
export const campaignExtensionPayloadSchema = z.strictObject({
  campaignId: z.uuid(),
  campaignCode: z.string().min(1).max(32),
  campaignTitle: z.string().min(1).max(500),
  /** The request's row (`campaign_extensions`). */
  extensionId: z.uuid(),
  /** The campaign's end date when asked, and the day asked for (YYYY-MM-DD, Vietnam time). */
  endDate: z.iso.date(),
  until: z.iso.date(),
  reason: z.string().trim().min(1).max(2000),
});
export type CampaignExtensionPayload = z.infer<typeof campaignExtensionPayloadSchema>;

export const campaignExtensionExample = {
  title: 'Gia hạn vận động VD-2026-0001 đến 15/01/2027',
  payload: {
    campaignId: '0b9f4a52-3c1e-4d8a-9a57-3f1f5f0c2a11',
    campaignCode: 'VD-2026-0001',
    campaignTitle: 'Ủng hộ đồng bào bị bão lũ năm 2026',
    extensionId: '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    endDate: '2026-12-31',
    until: '2027-01-15',
    reason: 'Nhiều hội viên đi làm ăn xa, cuối tháng Giêng mới về.',
  },
};
