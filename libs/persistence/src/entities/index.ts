import { CalendarDayEntity } from './calendar-day.entity';
import { Campaign } from './campaign.entity';
import { CampaignEventEntity } from './campaign-event.entity';
import { CampaignQuota } from './campaign-quota.entity';
import { CampaignUnitTotal } from './campaign-unit-total.entity';
import { ExtensionRequestEntity } from './extension-request.entity';
import { RemittanceEntity } from './remittance.entity';
import { Contribution } from './contribution.entity';
import { Case } from './case.entity';
import { CouncilMember } from './council-member.entity';
import { CaseEventEntity } from './case-event.entity';
import { LedgerEntry, LEDGER_ENTRY_KINDS, type LedgerEntryKind } from './ledger-entry.entity';
import { Member } from './member.entity';
import { MemberImport } from './member-import.entity';
import { Membership } from './membership.entity';
import { Notification } from './notification.entity';
import { Organization } from './organization.entity';
import { OrganizationLevel } from './organization-level.entity';
import { ProjectionCheck } from './projection-check.entity';
import { SmokePing } from './smoke-ping.entity';
import { Unit } from './unit.entity';
import { User } from './user.entity';
import { VND_TRANSFORMER } from './vnd.transformer';

export {
  CalendarDayEntity,
  Campaign,
  CampaignEventEntity,
  CampaignQuota,
  CampaignUnitTotal,
  RemittanceEntity,
  ExtensionRequestEntity,
  Contribution,
  Case,
  CaseEventEntity,
  CouncilMember,
  LedgerEntry,
  LEDGER_ENTRY_KINDS,
  Member,
  MemberImport,
  Membership,
  Notification,
  Organization,
  OrganizationLevel,
  ProjectionCheck,
  SmokePing,
  Unit,
  User,
  VND_TRANSFORMER,
};
export type { LedgerEntryKind };

export const ENTITIES = [
  Organization,
  OrganizationLevel,
  Unit,
  Member,
  User,
  Membership,
  SmokePing,
  Case,
  CaseEventEntity,
  LedgerEntry,
  Notification,
  ProjectionCheck,
  CalendarDayEntity,
  CouncilMember,
  Campaign,
  CampaignQuota,
  CampaignEventEntity,
  CampaignUnitTotal,
  RemittanceEntity,
  ExtensionRequestEntity,
  Contribution,
  MemberImport,
];
