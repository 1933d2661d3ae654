import { z } from 'zod';
import { requiredText } from '@lienthong/domain';

/** Required free text: blank to the eye (zero-width characters, NBSP…) is refused like empty. */
const text = requiredText;
const vnd = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** The public contract of a housing-support case's payload (field names are part of the API). */
export const housingSupportPayloadSchema = z.strictObject({
  beneficiary: z.strictObject({
    name: text(200),
    address: text(500),
    phone: z.string().trim().regex(/^\+?[0-9 .-]{8,20}$/, 'must be a phone number').optional(),
    memberId: z.uuid().optional(),
  }),
  situation: text(5000),
  kind: z.enum(['new-build', 'repair']),
  estimatedCost: vnd,
  requestedAmount: vnd,
  otherFunding: z.array(z.strictObject({ source: text(200), amount: vnd })).max(20).default([]),
});
export type HousingSupportPayload = z.infer<typeof housingSupportPayloadSchema>;

export const housingSupportExample = {
  title: 'Hỗ trợ sửa nhà cho hội viên Nguyễn Văn Hùng',
  payload: {
    beneficiary: {
      name: 'Nguyễn Văn Hùng',
      address: 'Tổ dân phố 1, phường Ngọc Thụy, quận Long Biên, Hà Nội',
      phone: '0912 345 678',
    },
    situation: 'Nhà cấp 4 xây năm 1985, mái ngói dột nát, tường nứt; hộ có 3 người, thu nhập thấp, không đủ khả năng tự sửa chữa.',
    kind: 'repair',
    estimatedCost: 120_000_000,
    requestedAmount: 30_000_000,
    otherFunding: [{ source: 'Gia đình tự đóng góp', amount: 90_000_000 }],
  },
};
