import { ApiProperty } from '@nestjs/swagger';
import { MEMBERSHIP_ROLES, MembershipRole } from '@lienthong/domain';

export class LevelDto {
  @ApiProperty({ example: 'ward' }) code: string;
  @ApiProperty({ example: 'Phường' }) name: string;
  @ApiProperty({ example: 1, description: '0 at the bottom of the chain' }) rank: number;
}

export class UnitSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Hội CCB phường Ngọc Thụy' }) name: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ type: LevelDto }) level: LevelDto;
}

export class MembershipDto {
  @ApiProperty({ enum: MEMBERSHIP_ROLES, example: 'chair' }) role: MembershipRole;
  @ApiProperty({ type: UnitSummaryDto }) unit: UnitSummaryDto;
  @ApiProperty({ example: { id: '…', name: 'Hội Cựu chiến binh quận Long Biên' } })
  organization: { id: string; name: string };
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ngocthuy' }) username: string;
  @ApiProperty({ example: 'Trần Văn Đức' }) displayName: string;
}

export class MeDto extends UserDto {
  @ApiProperty({ type: [MembershipDto] }) memberships: MembershipDto[];
}

export class LoginResponseDto {
  @ApiProperty({ description: 'JWT (HS256); send as `Authorization: Bearer <token>`' }) accessToken: string;
  @ApiProperty({ example: 3600, description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: MeDto }) user: MeDto;
}
