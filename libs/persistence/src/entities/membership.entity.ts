import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, Relation } from 'typeorm';
import { MEMBERSHIP_ROLES, MembershipRole } from '@lienthong/domain';
import { Unit } from './unit.entity';
import { User } from './user.entity';

/** A user's role at one unit. One role per user and unit; a person holding posts at two units has two rows. */
@Entity({ name: 'memberships' })
@Unique('uq_memberships_user_unit', ['userId', 'unitId'])
@Check('ck_memberships_role', `role IN (${MEMBERSHIP_ROLES.map((r) => `'${r}'`).join(', ')})`)
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, (u) => u.memberships, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;

  @Index('ix_memberships_unit_id')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<Unit>;

  @Column({ type: 'varchar', length: 16 })
  role: MembershipRole;
}
