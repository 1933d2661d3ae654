import type { Messages } from '@lienthong/domain';

/** The housing module's own messages. */
export const housingSupportMessages: Messages = {
  'housing.requested_above_estimate': {
    vi: 'Số tiền đề nghị hỗ trợ không được lớn hơn dự toán ({max} đồng).',
    en: 'The requested amount may not exceed the estimated cost ({max} VND).',
  },
};
