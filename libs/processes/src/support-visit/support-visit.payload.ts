import { z } from 'zod';
import { optionalText, requiredText } from '@lienthong/domain';

export const SUPPORT_VISIT_KINDS = ['hardship-visit', 'sick-visit', 'holiday-gift', 'condolence'] as const;

/** The public contract of a support visit's payload (field names are part of the API). */
export const supportVisitPayloadSchema = z.strictObject({
  /** Thăm hộ khó khăn, thăm ốm, tặng quà dịp lễ Tết, phúng viếng. */
  kind: z.enum(SUPPORT_VISIT_KINDS),
  recipient: z.strictObject({
    name: requiredText(200),
    memberId: z.uuid().optional(),
  }),
  /** The day of the visit, YYYY-MM-DD (Vietnam time); not in the future. */
  date: z.iso.date(),
  /** VND: the cash or the gift's value; 0 for a visit without money. */
  amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  note: optionalText(2000).optional(),
});
export type SupportVisitPayload = z.infer<typeof supportVisitPayloadSchema>;

export const supportVisitExample = {
  title: 'Thăm hỏi, tặng quà hội viên Trần Văn Bình bị ốm',
  payload: {
    kind: 'sick-visit',
    recipient: { name: 'Trần Văn Bình' },
    date: '2026-11-20',
    amount: 500_000,
    note: 'Hội viên nằm viện điều trị; chi hội đến thăm và tặng quà.',
  },
};
