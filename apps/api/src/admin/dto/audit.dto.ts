import { ApiProperty } from '@nestjs/swagger';
import type { AuditBreak, AuditBreakReason, AuditVerification } from '@lienthong/persistence';

const REASONS: AuditBreakReason[] = ['content_changed', 'link_broken', 'event_missing'];

export class AuditBreakDto implements AuditBreak {
  @ApiProperty({ format: 'uuid', example: '0b8c6f52-3a1e-4e58-9a57-6f1c2d7e9a10' }) caseId: string;
  @ApiProperty({ description: 'The id of the first event of the case whose chain does not hold', example: '1042' }) eventId: string;
  @ApiProperty({ type: 'integer', description: 'Its sequence number in the case', example: 2 }) seq: number;
  @ApiProperty({ type: 'integer', description: 'Its position in the hash chain (order of insertion)', example: 2 }) chainPos: number;
  @ApiProperty({
    enum: REASONS,
    example: 'content_changed',
    description:
      'content_changed: the row no longer matches its hash (edited); link_broken: its prev_hash is not the hash of the event ' +
      'before it (an earlier event was replaced); event_missing: an event before it was deleted',
  })
  reason: AuditBreakReason;
}

export class AuditVerificationDto implements AuditVerification {
  @ApiProperty({ type: 'integer', example: 128 }) casesChecked: number;
  @ApiProperty({ type: 'integer', example: 611 }) eventsChecked: number;
  @ApiProperty({ type: [AuditBreakDto], description: 'One entry per case whose chain is broken; empty when every chain holds' })
  broken: AuditBreakDto[];
  @ApiProperty({ format: 'date-time', example: '2027-03-01T02:15:00.000Z' }) checkedAt: string;
}
