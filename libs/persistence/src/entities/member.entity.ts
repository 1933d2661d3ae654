import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import type { MemberGender, MemberStatus } from '@lienthong/domain';
import { Organization } from './organization.entity';
import { Unit } from './unit.entity';

/**
 * A person in the association's registry (hội viên), registered at a unit (usually a branch). Cases
 * refer to members by id (the person a case is for), so a row is updated
 * in place, never replaced. `organizationId` and, when none is given, `memberCode` are filled by a
 * trigger (MembersRegister migration), so any insert (seed, import, SQL) gets both.
 */
@Entity({ name: 'members' })
@Check('ck_members_gender', `gender IS NULL OR gender IN ('male', 'female')`)
@Check('ck_members_status', `status IN ('active', 'moved', 'deceased')`)
@Check('ck_members_status_date', `status = 'active' OR status_date IS NOT NULL`)
@Unique('uq_members_organization_code', ['organizationId', 'memberCode'])
export class Member {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_members_unit_id')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<Unit>;

  /** The unit's organization (set by the trigger from `unit_id`): the scope of `memberCode`. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_members_organization' })
  organization: Relation<Organization>;

  /** Mã hội viên: the ward's own (from its Excel files) or `HV-000123` given by the database. */
  @Column({ name: 'member_code', type: 'varchar', length: 32 })
  memberCode: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  gender: MemberGender | null;

  @Column({ name: 'birth_year', type: 'int', nullable: true })
  birthYear: number | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** Ngày vào hội, 'YYYY-MM-DD'. */
  @Column({ name: 'join_date', type: 'date', nullable: true })
  joinDate: string | null;

  /** Đảng viên. */
  @Column({ name: 'party_member', type: 'boolean', default: false })
  partyMember: boolean;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status: MemberStatus;

  /** When the member moved away or died ('YYYY-MM-DD'); required unless active. */
  @Column({ name: 'status_date', type: 'date', nullable: true })
  statusDate: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt: Date | null;
}
