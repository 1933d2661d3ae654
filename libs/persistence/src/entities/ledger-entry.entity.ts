import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Case } from './case.entity';
import { User } from './user.entity';
import { VND_TRANSFORMER } from './vnd.transformer';

/** Money out (disbursements against an approved amount) and back (repayments). */
export const LEDGER_ENTRY_KINDS = ['disbursement', 'repayment'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/**
 * Money paid out against a case, one row per event that recorded it (`seq`). Append-only like the
 * audit trail: corrections are new entries, never edits (triggers in the CasesReadModel migration).
 */
@Entity({ name: 'ledger_entries' })
@Unique('uq_ledger_entries_case_seq', ['caseId', 'seq'])
@Check('ck_ledger_entries_amount', 'amount > 0')
@Check('ck_ledger_entries_kind', `kind IN (${LEDGER_ENTRY_KINDS.map((k) => `'${k}'`).join(', ')})`)
export class LedgerEntry {
  /** bigint: pg hands it over as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case: Relation<Case>;

  /** The seq of the case event that recorded this entry. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 16 })
  kind: LedgerEntryKind;

  @Column({ type: 'bigint', transformer: VND_TRANSFORMER })
  amount: number;

  /** `YYYY-MM-DD`, the day the money was paid (Ho Chi Minh time). */
  @Column({ name: 'entry_date', type: 'date' })
  entryDate: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by' })
  recorder: Relation<User>;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
