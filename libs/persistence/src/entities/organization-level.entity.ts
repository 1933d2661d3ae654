import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, Relation } from 'typeorm';
import { Organization } from './organization.entity';

/**
 * One rung of an organization's chain (branch < ward < district < city). Levels are data: since the
 * 2025 local-government reform many associations run two-level chains, so nothing may hard-code them.
 * `rank` orders the chain, 0 at the bottom.
 */
@Entity({ name: 'organization_levels' })
@Unique('uq_organization_levels_code', ['organizationId', 'code'])
@Unique('uq_organization_levels_rank', ['organizationId', 'rank'])
export class OrganizationLevel {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, (org) => org.levels, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<Organization>;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int' })
  rank: number;
}
