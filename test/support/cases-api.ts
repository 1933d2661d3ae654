import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { PathUnit } from '@lienthong/domain';
import { TestApps } from './test-apps';

/** The demo units by their usernames' keys: `ngocthuy.ch1` is Chi hội 1 of phường Ngọc Thụy, and so on. */
export async function demoUnitId(dataSource: DataSource, key: string): Promise<string> {
  const [ward, branch] = key.split('.');
  const wardNames: Record<string, string> = { ngocthuy: 'Hội CCB phường Ngọc Thụy', phucdong: 'Hội CCB phường Phúc Đồng' };
  if (key === 'longbien') {
    return (await dataSource.query(`SELECT id FROM units WHERE name = 'Hội CCB quận Long Biên'`))[0].id;
  }
  const rows: { id: string }[] = branch
    ? await dataSource.query(
        `SELECT b.id FROM units b JOIN units w ON w.id = b.parent_id WHERE w.name = $1 AND b.name = $2`,
        [wardNames[ward], `Chi hội ${branch.replace('ch', '')}`],
      )
    : await dataSource.query(`SELECT id FROM units WHERE name = $1`, [wardNames[ward]]);
  if (!rows[0]) throw new Error(`No demo unit ${key}`);
  return rows[0].id;
}

/** Chi hội 1 → Hội CCB phường Ngọc Thụy → Hội CCB quận Long Biên as a chain path, and their organization. */
export async function demoPath(dataSource: DataSource): Promise<{ path: PathUnit[]; orgId: string }> {
  const units: { id: string; name: string; parent: string | null; level: string; levelName: string; org: string }[] = await dataSource.query(
    `SELECT u.id, u.name, p.name AS parent, l.code AS level, l.name AS "levelName", u.organization_id AS org
       FROM units u JOIN organization_levels l ON l.id = u.level_id LEFT JOIN units p ON p.id = u.parent_id`,
  );
  const unit = (name: string, parent: string | null) => units.find((u) => u.name === name && u.parent === parent)!;
  const district = unit('Hội CCB quận Long Biên', null);
  const ward = unit('Hội CCB phường Ngọc Thụy', district.name);
  const branch = unit('Chi hội 1', ward.name);
  const path = [branch, ward, district].map((u) => ({ id: u.id, name: u.name, levelCode: u.level, levelName: u.levelName }));
  return { path, orgId: district.org };
}

export async function demoMemberId(dataSource: DataSource, fullName: string): Promise<string> {
  return (await dataSource.query(`SELECT id FROM members WHERE full_name = $1`, [fullName]))[0].id;
}

export function housingBody(unitId: string, payload: Record<string, unknown> = {}) {
  return {
    processType: 'housing-support',
    unitId,
    title: 'Xây mới nhà cho hội viên Nguyễn Văn Hùng',
    payload: {
      beneficiary: { name: 'Nguyễn Văn Hùng', address: 'Tổ dân phố 1, phường Ngọc Thụy, quận Long Biên', phone: '0912 345 678' },
      situation: 'Nhà cấp bốn xây năm 1985, tường nứt, mái dột khi mưa; hội viên sống một mình.',
      kind: 'new-build',
      estimatedCost: 120_000_000,
      requestedAmount: 60_000_000,
      otherFunding: [{ source: 'Gia đình đóng góp', amount: 40_000_000 }],
      ...payload,
    },
  };
}

/** Thin wrappers over the HTTP API, each with a fresh Idempotency-Key unless one is given. */
export function casesApi(apps: TestApps) {
  const post = (token: string, path: string, body: unknown, key: string = randomUUID()) =>
    apps.http().post(path).set('authorization', `Bearer ${token}`).set('idempotency-key', key).send(body as object);
  const get = (token: string, path: string) => apps.http().get(path).set('authorization', `Bearer ${token}`);
  return {
    post,
    get,
    create: (token: string, body: unknown, key?: string) => post(token, '/api/cases', body, key),
    decide: (token: string, caseId: string, body: Record<string, unknown>, key?: string) =>
      post(token, `/api/cases/${caseId}/decisions`, body, key),
    detail: (token: string, caseId: string) => get(token, `/api/cases/${caseId}`),
    inbox: (token: string) => get(token, '/api/inbox'),
  };
}
