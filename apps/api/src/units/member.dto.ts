import { ApiProperty } from '@nestjs/swagger';

/** A person in a branch's registry, as a form offers them for picking (the person a case is for). */
export class MemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Nguyễn Văn Hùng' }) fullName: string;
  @ApiProperty({ type: Number, nullable: true, example: 1952 }) birthYear: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'Tổ dân phố 1, phường Ngọc Thụy' }) address: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0912 345 678' }) phone: string | null;
}

export class MemberListDto {
  @ApiProperty({ type: [MemberDto], description: 'By name' }) items: MemberDto[];
}
