import { z } from 'zod';
import { requiredText } from '@lienthong/domain';

/** The public contract of an interest-free loan's payload (field names are part of the API). */
export const interestFreeLoanPayloadSchema = z.strictObject({
  borrower: z.strictObject({
    name: requiredText(200),
    /** Loans from the association's fund go to its members only. */
    memberId: z.uuid(),
  }),
  /** VND asked for. */
  amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  termMonths: z.number().int().min(1).max(60),
  purpose: requiredText(2000),
});
export type InterestFreeLoanPayload = z.infer<typeof interestFreeLoanPayloadSchema>;

export const interestFreeLoanExample = {
  title: 'Cho hội viên Lê Văn Tám vay vốn không lãi để chăn nuôi',
  payload: {
    borrower: { name: 'Lê Văn Tám', memberId: '3f2c1b9e-8a4d-4c6b-9f1e-2d7a5b8c0e14' },
    amount: 20_000_000,
    termMonths: 24,
    purpose: 'Mua 2 con bò giống để chăn nuôi, phát triển kinh tế gia đình.',
  },
};
