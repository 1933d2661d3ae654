import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CalendarDayKind,
  frozenCalendarWindow,
  needsWorkingCalendar,
  ResolvedStep,
  toWorkingCalendar,
  WorkingCalendar,
} from '@lienthong/domain';

/** One row of `calendar_days` as the API shows it. */
export interface StoredCalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
  updatedBy: { id: string; displayName: string } | null;
  updatedAt: string;
}

interface Row {
  date: string;
  kind: CalendarDayKind;
  name: string;
  updated_by: string | null;
  updated_by_name: string | null;
  updated_at: Date;
}

const SELECT = `SELECT d.date::text AS date, d.kind, d.name, d.updated_by, u.display_name AS updated_by_name, d.updated_at
  FROM calendar_days d LEFT JOIN users u ON u.id = d.updated_by`;

const toDay = (r: Row): StoredCalendarDay => ({
  date: r.date,
  kind: r.kind,
  name: r.name,
  updatedBy: r.updated_by ? { id: r.updated_by, displayName: r.updated_by_name ?? '' } : null,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/**
 * The working-day calendar (`calendar_days`): read by anyone, corrected by admins (the API checks who),
 * and frozen into a case whose deadlines count working days when it is submitted.
 */
@Injectable()
export class CalendarDaysService {
  constructor(private readonly dataSource: DataSource) {}

  async year(year: number): Promise<StoredCalendarDay[]> {
    const rows = await this.dataSource.query<Row[]>(`${SELECT} WHERE d.date BETWEEN $1::date AND $2::date ORDER BY d.date`, [
      `${year}-01-01`,
      `${year}-12-31`,
    ]);
    return rows.map(toDay);
  }

  async day(date: string): Promise<StoredCalendarDay | null> {
    const [row] = await this.dataSource.query<Row[]>(`${SELECT} WHERE d.date = $1::date`, [date]);
    return row ? toDay(row) : null;
  }

  /** The exceptions between two dates inclusive, as a case counts with them. */
  async between(from: string, to: string): Promise<WorkingCalendar> {
    const rows = await this.dataSource.query<{ date: string; kind: CalendarDayKind }[]>(
      'SELECT date::text AS date, kind FROM calendar_days WHERE date BETWEEN $1::date AND $2::date ORDER BY date',
      [from, to],
    );
    return toWorkingCalendar(rows);
  }

  /**
   * What a case on `chain` submitted at `now` freezes into its input, as it freezes its chain (a workflow
   * never reads the table: its replay must not change): the days from its submission to two years later.
   * Nothing when no step counts working days, so other cases' histories do not carry it.
   */
  async forCase(chain: readonly ResolvedStep[], now: number): Promise<WorkingCalendar | undefined> {
    if (!needsWorkingCalendar(chain)) return undefined;
    const { from, to } = frozenCalendarWindow(now);
    return this.between(from, to);
  }

  async set(date: string, kind: CalendarDayKind, name: string, userId: string): Promise<StoredCalendarDay> {
    await this.dataSource.query(
      `INSERT INTO calendar_days (date, kind, name, updated_by, updated_at) VALUES ($1::date, $2, $3, $4, now())
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [date, kind, name, userId],
    );
    return (await this.day(date))!;
  }

  /** Makes `date` an ordinary day again. False when it already was. */
  async clear(date: string): Promise<boolean> {
    const rows = await this.dataSource.query<{ date: string }[]>(
      'WITH gone AS (DELETE FROM calendar_days WHERE date = $1::date RETURNING date) SELECT date::text FROM gone',
      [date],
    );
    return rows.length > 0;
  }
}
