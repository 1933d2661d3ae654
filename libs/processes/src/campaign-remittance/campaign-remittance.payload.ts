import { z } from 'zod';

/**
 * A remittance's payload, written by the campaign API (never typed by a user: the case is opened by
 * `POST /api/campaigns/:id/remittances`): what the parent's officer needs to confirm the money arrived.
 */
export const campaignRemittancePayloadSchema = z.strictObject({
  campaignId: z.uuid(),
  /** The campaign's code and title, as shown in the inbox (VD-2026-0001). */
  campaignCode: z.string().min(1).max(32),
  campaignTitle: z.string().min(1).max(500),
  /** The remittance row in the campaign's ledger (`campaign_remittances`). */
  remittanceId: z.uuid(),
  /** VND handed over; whole đồng. */
  amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** The day the money was handed over, YYYY-MM-DD (Vietnam time). */
  date: z.iso.date(),
  /** A transfer's reference or the receipt's number, if any. */
  reference: z.string().trim().max(200).optional(),
});
export type CampaignRemittancePayload = z.infer<typeof campaignRemittancePayloadSchema>;

export const campaignRemittanceExample = {
  title: 'Nộp tiền vận động VD-2026-0001: 1.500.000 đồng',
  payload: {
    campaignId: '0b9f4a52-3c1e-4d8a-9a57-3f1f5f0c2a11',
    campaignCode: 'VD-2026-0001',
    campaignTitle: 'Ủng hộ đồng bào bị bão lũ năm 2026',
    remittanceId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    amount: 1_500_000,
    date: '2026-12-01',
    reference: 'Phiếu thu số 12',
  },
};
