import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { CALENDAR_DAY_KINDS, CalendarDayKind } from '@lienthong/domain';
import { User } from './user.entity';

/**
 * The exceptions to "Saturday and Sunday are off" for every organization (public holidays are national):
 * a holiday or day off in its place, or a weekend day that is worked. Seeded for 2025–2030 from
 * libs/domain/src/calendar/vietnam-holidays.ts, then corrected by admins as the government announces each
 * year's arrangements. A date without a row is an ordinary day. Cases freeze the days they need when
 * submitted, so a correction only reaches cases submitted after it.
 */
@Entity({ name: 'calendar_days' })
@Check('ck_calendar_days_kind', `kind IN (${CALENDAR_DAY_KINDS.map((k) => `'${k}'`).join(', ')})`)
export class CalendarDayEntity {
  /** `YYYY-MM-DD`; selected as text (pg would turn a `date` into a local-midnight Date). */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_calendar_days' })
  date: string;

  @Column({ type: 'text' })
  kind: CalendarDayKind;

  /** Vietnamese, e.g. "Tết Nguyên đán", "Nghỉ bù Quốc khánh (2/9)". */
  @Column({ type: 'text' })
  name: string;

  /** The admin who last set the day; null for the seed. */
  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'fk_calendar_days_updated_by' })
  updatedByUser: Relation<User> | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
