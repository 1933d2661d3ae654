import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PROCESS_REGISTRY } from '@lienthong/config';
import { DomainError, ProcessRegistry } from '@lienthong/domain';
import { Language, MESSAGES, translateFrom } from '@lienthong/i18n';

type Catalogue = Record<string, { vi: string; en: string }>;
import { NotificationDto, NotificationListDto } from './notifications.dto';

interface NotificationRow {
  id: string;
  kind: string;
  case_id: string | null;
  campaign_id: string | null;
  params: Record<string, unknown> | null;
  created_at: Date;
  read_at: Date | null;
}

const LIST_LIMIT = 50;
const COLUMNS = 'id, kind, case_id, campaign_id, params, created_at, read_at';

/**
 * Stored as a kind and parameters, rendered when read: the same notification reads in Vietnamese or
 * English depending on who asks, and a reworded message applies to old notifications too.
 */
function render(row: NotificationRow, language: Language, messages: Catalogue): NotificationDto {
  const params = row.params ?? {};
  const code = `notification.${row.kind}`;
  const scalars = Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'),
  );
  const message = Object.hasOwn(messages, code)
    ? translateFrom(messages, code, language, scalars)
    : // A kind this build does not know (written by a newer worker): show what there is rather than fail.
      String(scalars.title ?? row.kind);
  return {
    id: row.id,
    kind: row.kind,
    caseId: row.case_id,
    campaignId: row.campaign_id,
    message,
    params,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}

/** A user's own notifications; another user's are as invisible as missing ones (404). */
@Injectable()
export class NotificationsService {
  /** The chain's notifications and those of every process module's phase. */
  private readonly messages: Catalogue;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PROCESS_REGISTRY) processes: ProcessRegistry,
  ) {
    this.messages = { ...MESSAGES, ...processes.messages };
  }

  async list(userId: string, language: Language, unreadOnly: boolean): Promise<NotificationListDto> {
    const [rows, [{ unread }]] = await Promise.all([
      this.dataSource.query<NotificationRow[]>(
        `SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 ${unreadOnly ? 'AND read_at IS NULL' : ''}
         ORDER BY created_at DESC, id DESC LIMIT ${LIST_LIMIT}`,
        [userId],
      ),
      this.dataSource.query<{ unread: number }[]>(
        'SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL',
        [userId],
      ),
    ]);
    return { items: rows.map((r) => render(r, language, this.messages)), unread };
  }

  /** Idempotent: reading twice keeps the first read time. */
  async markRead(userId: string, id: string, language: Language): Promise<NotificationDto> {
    // Wrapped in a CTE so the driver returns plain rows (a bare UPDATE comes back as [rows, count]).
    const [row] = await this.dataSource.query<NotificationRow[]>(
      `WITH updated AS (
         UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}
       ) SELECT * FROM updated`,
      [id, userId],
    );
    if (!row) throw new DomainError('not_found', 'notification.not_found');
    return render(row, language, this.messages);
  }
}
