import type { Messages } from '@lienthong/domain';

export const supportVisitMessages: Messages = {
  'visit.date_in_future': {
    vi: 'Ngày thăm hỏi ({date}) không được ở tương lai.',
    en: 'The date of the visit ({date}) may not be in the future.',
  },
};
