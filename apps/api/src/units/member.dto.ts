import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_GENDERS, MEMBER_STATUSES, type MemberGender, type MemberStatus } from '@lienthong/domain';

/** A person in a branch's registry, as a form offers them for picking (the person a case is for) and the register lists them. */
export class MemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'HV-000123', description: 'Mã hội viên, unique in the organization (the ward’s own, or given by the system)' })
  memberCode: string;
  @ApiProperty({ example: 'Nguyễn Văn Hùng' }) fullName: string;
  @ApiProperty({ type: Number, nullable: true, example: 1952 }) birthYear: number | null;
  @ApiProperty({ type: String, enum: MEMBER_GENDERS, nullable: true, example: 'male' }) gender: MemberGender | null;
  @ApiProperty({ type: String, nullable: true, example: 'Tổ dân phố 1, phường Ngọc Thụy' }) address: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0912 345 678' }) phone: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2005-07-27', description: 'Ngày vào hội' }) joinDate: string | null;
  @ApiProperty({ example: true, description: 'Đảng viên' }) partyMember: boolean;
  @ApiProperty({ enum: MEMBER_STATUSES, example: 'active', description: 'active (đang sinh hoạt), moved (đã chuyển đi), deceased (đã từ trần)' })
  status: MemberStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: 'When the member moved away or died' })
  statusDate: string | null;
}

export class MemberListDto {
  @ApiProperty({ type: [MemberDto], description: 'By name' }) items: MemberDto[];
}
