import { Member } from './member.entity';
import { Membership } from './membership.entity';
import { Organization } from './organization.entity';
import { OrganizationLevel } from './organization-level.entity';
import { SmokePing } from './smoke-ping.entity';
import { Unit } from './unit.entity';
import { User } from './user.entity';

export { Member, Membership, Organization, OrganizationLevel, SmokePing, Unit, User };

export const ENTITIES = [Organization, OrganizationLevel, Unit, Member, User, Membership, SmokePing];
