import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ancestorsOf, DomainError, treeOrder } from '@lienthong/domain';
import { Member, Organization, Unit, User } from '@lienthong/persistence';
import { MeDto, UnitSummaryDto } from '../auth/dto/me.dto';
import { AccessService } from './access.service';
import { MemberDto } from './member.dto';

export interface UnitDetail extends UnitSummaryDto {
  ancestors: UnitSummaryDto[];
  children: UnitSummaryDto[];
}

const summary = (u: Unit): UnitSummaryDto => ({
  id: u.id,
  name: u.name,
  parentId: u.parentId,
  organizationId: u.organizationId,
  level: { code: u.level.code, name: u.level.name, rank: u.level.rank },
});

/** Reads of the organization tree, always through the caller's visibility (their units and below). */
@Injectable()
export class UnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async me(userId: string): Promise<MeDto> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
    const memberships = await this.access.memberships(userId);
    const orgs = await this.dataSource
      .getRepository(Organization)
      .findBy({ id: In([...new Set(memberships.map((m) => m.unit.organizationId))]) });
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      memberships: memberships.map((m) => ({
        role: m.role,
        unit: summary(m.unit),
        organization: { id: m.unit.organizationId, name: orgName.get(m.unit.organizationId) ?? '' },
      })),
    };
  }

  /** The units the caller may see, top-down (parents before children, siblings by name). */
  async visible(userId: string): Promise<UnitSummaryDto[]> {
    const { units, visible } = await this.access.scope(userId);
    const seen = units.filter((u) => visible.has(u.id));
    return treeOrder(seen, (a, b) => a.name.localeCompare(b.name, 'vi')).map(summary);
  }

  /** 404 for a unit outside the caller's view, exactly as for one that does not exist. */
  async detail(userId: string, unitId: string): Promise<UnitDetail> {
    const { units, visible, byId } = await this.access.scope(userId);
    if (!visible.has(unitId)) throw new DomainError('not_found', 'unit.not_found');
    const unit = byId.get(unitId)!;
    return {
      ...summary(unit),
      ancestors: ancestorsOf(units, unitId)
        .slice(0, -1)
        .map((id) => summary(byId.get(id)!)),
      children: units
        .filter((u) => u.parentId === unitId)
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .map(summary),
    };
  }

  /** Members registered directly at a unit the caller may see; 404 otherwise, as for a missing unit. */
  async members(userId: string, unitId: string): Promise<MemberDto[]> {
    const { visible } = await this.access.scope(userId);
    if (!visible.has(unitId)) throw new DomainError('not_found', 'unit.not_found');
    const members = await this.dataSource.getRepository(Member).findBy({ unitId });
    return members
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'))
      .map((m) => ({
        id: m.id,
        memberCode: m.memberCode,
        fullName: m.fullName,
        birthYear: m.birthYear,
        gender: m.gender,
        address: m.address,
        phone: m.phone,
        joinDate: m.joinDate,
        partyMember: m.partyMember,
        status: m.status,
        statusDate: m.statusDate,
      }));
  }
}
