import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, Relation, Unique } from 'typeorm';
import { CONTRIBUTION_METHODS, ContributionMethod, DONOR_KINDS, DonorKind } from '@lienthong/domain';
import { Campaign } from './campaign.entity';
import { Member } from './member.entity';
import { Unit } from './unit.entity';
import { User } from './user.entity';
import { VND_TRANSFORMER } from './vnd.transformer';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * One entry of a campaign's ledger: money (or goods, valued in VND) received by a unit, with its
 * receipt number, or a reversal of such an entry (negative, no receipt number, `reverses` naming it,
 * once). Append-only: corrections are reversals, never edits (triggers in the Campaigns migration).
 * Idempotent per user and Idempotency-Key.
 */
@Entity({ name: 'contributions' })
@Unique('uq_contributions_idempotency', ['createdBy', 'idempotencyKey'])
@Unique('uq_contributions_receipt', ['campaignId', 'unitId', 'receiptNo'])
@Unique('uq_contributions_reverses', ['reverses'])
@Index('ix_contributions_unit_created', ['campaignId', 'unitId', 'createdAt'])
@Check('ck_contributions_donor_kind', `donor_kind IN (${list(DONOR_KINDS)})`)
@Check('ck_contributions_method', `method IN (${list(CONTRIBUTION_METHODS)})`)
@Check(
  'ck_contributions_entry',
  '(reverses IS NULL AND amount > 0 AND receipt_no IS NOT NULL) OR (reverses IS NOT NULL AND amount < 0 AND receipt_no IS NULL)',
)
export class Contribution {
  /** Derived by the API from the recorder and the Idempotency-Key. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_contributions' })
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_contributions_campaign' })
  campaign: Relation<Campaign>;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_contributions_unit' })
  unit: Relation<Unit>;

  /** 1, 2, 3 … per unit per campaign, gap-free (allocated under the totals row's lock); null on a reversal. */
  @Column({ name: 'receipt_no', type: 'int', nullable: true })
  receiptNo: number | null;

  @Column({ name: 'donor_kind', type: 'varchar', length: 16 })
  donorKind: DonorKind;

  @Column({ name: 'donor_name', type: 'text', nullable: true })
  donorName: string | null;

  /** The donor agreed to be named in the public disclosure (never for an anonymous gift). */
  @Column({ name: 'donor_public_name', type: 'boolean', default: false })
  donorPublicName: boolean;

  @Column({ name: 'donor_member_id', type: 'uuid', nullable: true })
  donorMemberId: string | null;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'donor_member_id', foreignKeyConstraintName: 'fk_contributions_member' })
  donorMember: Relation<Member> | null;

  /** VND; negative for a reversal. */
  @Column({ type: 'bigint', transformer: VND_TRANSFORMER })
  amount: number;

  @Column({ name: 'contribution_date', type: 'date' })
  contributionDate: string;

  @Column({ type: 'varchar', length: 16 })
  method: ContributionMethod;

  /** The entry's note, or a reversal's reason. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  reverses: string | null;

  @OneToOne(() => Contribution, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reverses', foreignKeyConstraintName: 'fk_contributions_reverses' })
  reversed: Relation<Contribution> | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_contributions_created_by' })
  creator: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;
}
