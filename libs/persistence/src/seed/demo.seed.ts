import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { MembershipRole } from '@lienthong/domain';
import { Member, Membership, Organization, OrganizationLevel, Unit, User } from '../entities';

export const DEMO_ORGANIZATION_CODE = 'hoi-ccb-long-bien';
export const DEMO_PASSWORD = 'demo1234';

type Gender = 'male' | 'female';
interface DemoUnit {
  key: string;
  name: string;
  level: 'branch' | 'ward' | 'district';
  parent?: string;
  members?: [fullName: string, gender: Gender, birthYear: number, residentialGroup: string][];
}

/** Hội CCB quận Long Biên, as in the field reports: one district, two wards, three branches. */
const UNITS: DemoUnit[] = [
  { key: 'longbien', name: 'Hội CCB quận Long Biên', level: 'district' },
  { key: 'ngocthuy', name: 'Hội CCB phường Ngọc Thụy', level: 'ward', parent: 'longbien' },
  { key: 'phucdong', name: 'Hội CCB phường Phúc Đồng', level: 'ward', parent: 'longbien' },
  {
    key: 'ngocthuy.ch1',
    name: 'Chi hội 1',
    level: 'branch',
    parent: 'ngocthuy',
    members: [
      ['Nguyễn Văn Hùng', 'male', 1952, 'Tổ dân phố 1'],
      ['Trần Đình Thắng', 'male', 1949, 'Tổ dân phố 1'],
      ['Lê Thị Hoa', 'female', 1956, 'Tổ dân phố 2'],
      ['Phạm Văn Bình', 'male', 1954, 'Tổ dân phố 2'],
    ],
  },
  {
    key: 'ngocthuy.ch2',
    name: 'Chi hội 2',
    level: 'branch',
    parent: 'ngocthuy',
    members: [
      ['Hoàng Minh Tuấn', 'male', 1958, 'Tổ dân phố 5'],
      ['Đỗ Văn Lực', 'male', 1947, 'Tổ dân phố 5'],
      ['Vũ Thị Lan', 'female', 1960, 'Tổ dân phố 6'],
    ],
  },
  {
    key: 'phucdong.ch1',
    name: 'Chi hội 1',
    level: 'branch',
    parent: 'phucdong',
    members: [
      ['Bùi Quang Vinh', 'male', 1951, 'Tổ dân phố 3'],
      ['Đặng Văn Toàn', 'male', 1955, 'Tổ dân phố 3'],
      ['Ngô Thị Thu', 'female', 1959, 'Tổ dân phố 4'],
    ],
  },
];

const WARD_OF: Record<string, string> = { ngocthuy: 'phường Ngọc Thụy', phucdong: 'phường Phúc Đồng' };

/** The demo sign-ins of the README, each with the password `demo1234`. */
export const DEMO_USERS: { username: string; displayName: string; unit: string; role: MembershipRole }[] = [
  { username: 'ngocthuy.ch1', displayName: 'Nguyễn Văn Thành', unit: 'ngocthuy.ch1', role: 'officer' },
  { username: 'ngocthuy.ch2', displayName: 'Lê Văn Quý', unit: 'ngocthuy.ch2', role: 'officer' },
  { username: 'ngocthuy', displayName: 'Trần Văn Đức', unit: 'ngocthuy', role: 'chair' },
  { username: 'ngocthuy.pho', displayName: 'Phạm Thị Hằng', unit: 'ngocthuy', role: 'officer' },
  { username: 'phucdong.ch1', displayName: 'Đinh Văn Sơn', unit: 'phucdong.ch1', role: 'officer' },
  { username: 'phucdong', displayName: 'Hoàng Văn Khải', unit: 'phucdong', role: 'chair' },
  { username: 'longbien', displayName: 'Nguyễn Huy Hoàng', unit: 'longbien', role: 'chair' },
  { username: 'longbien.pho', displayName: 'Vũ Đình Long', unit: 'longbien', role: 'officer' },
  { username: 'admin', displayName: 'Quản trị hệ thống', unit: 'longbien', role: 'admin' },
];

/**
 * Seeds the demo organization once. Idempotent: it returns false when the organization already exists,
 * so running it on every boot (`SEED_DEMO=true`) is safe. Runs in one transaction: all or nothing.
 */
export async function seedDemo(dataSource: DataSource): Promise<boolean> {
  // Hash outside the transaction: argon2 is deliberately slow and must not hold locks. The demo users
  // share one password, so one (salted) hash serves them all.
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  return dataSource.transaction(async (tx) => {
    const exists = await tx.getRepository(Organization).existsBy({ code: DEMO_ORGANIZATION_CODE });
    if (exists) return false;
    await insertDemo(tx, passwordHash);
    return true;
  });
}

async function insertDemo(tx: EntityManager, passwordHash: string): Promise<void> {
  const org = await tx.getRepository(Organization).save({
    code: DEMO_ORGANIZATION_CODE,
    name: 'Hội Cựu chiến binh quận Long Biên',
  });
  const levels = await tx.getRepository(OrganizationLevel).save([
    { organizationId: org.id, code: 'branch', name: 'Chi hội', rank: 0 },
    { organizationId: org.id, code: 'ward', name: 'Phường', rank: 1 },
    { organizationId: org.id, code: 'district', name: 'Quận', rank: 2 },
  ]);
  const levelId = Object.fromEntries(levels.map((l) => [l.code, l.id]));

  const unitId: Record<string, string> = {};
  for (const u of UNITS) {
    const saved = await tx.getRepository(Unit).save({
      organizationId: org.id,
      levelId: levelId[u.level],
      parentId: u.parent ? unitId[u.parent] : null,
      name: u.name,
    });
    unitId[u.key] = saved.id;
    const ward = WARD_OF[u.parent ?? ''];
    for (const [fullName, gender, birthYear, group] of u.members ?? []) {
      await tx.getRepository(Member).save({
        unitId: saved.id,
        fullName,
        gender,
        birthYear,
        address: `${group}, ${ward}, quận Long Biên, Hà Nội`,
        phone: null,
      });
    }
  }

  for (const demo of DEMO_USERS) {
    const user = await tx.getRepository(User).save({
      username: demo.username,
      displayName: demo.displayName,
      passwordHash,
    });
    await tx.getRepository(Membership).save({ userId: user.id, unitId: unitId[demo.unit], role: demo.role });
  }
}
