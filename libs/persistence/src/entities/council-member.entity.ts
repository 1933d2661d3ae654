import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Unit } from './unit.entity';
import { User } from './user.entity';

/**
 * A member of a unit's council (hội đồng thi đua khen thưởng, …): the people who vote on a council
 * step at that unit. A case freezes the council of its deciding unit when it is submitted, so a later
 * change reaches new cases only. Only people who still belong to the unit (a membership of any role)
 * and can sign in count. Written by hand or by the coming `PUT /units/:id/council`.
 */
@Entity({ name: 'council_members' })
export class CouncilMember {
  @PrimaryColumn({ name: 'unit_id', type: 'uuid', primaryKeyConstraintName: 'PK_council_members' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_council_members_unit' })
  unit: Relation<Unit>;

  @Index('ix_council_members_user_id')
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_council_members' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_council_members_user' })
  user: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
