import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { dateInHcm, DomainError, GENERATED_MEMBER_CODE, treeOrder } from '@lienthong/domain';
import { Unit } from '@lienthong/persistence';
import { AccessService, CallerScope, subtreeOf } from '../units/access.service';
import { COMPARED_FIELDS, MemberRowValues, checkMemberRow, looseText, personKey } from './member-row';
import { memberTemplateXlsx, membersXlsx, readMembersXlsx } from './members-xlsx';

export interface ImportReport {
  /** Data rows read (blank rows and the template's example aside). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: { row: number; message: string }[];
}

/** A member as the register stores it (what an import compares and an export writes). */
interface MemberRecord {
  id: string;
  unit_id: string;
  member_code: string;
  full_name: string;
  birth_year: number | null;
  gender: 'male' | 'female' | null;
  address: string | null;
  phone: string | null;
  join_date: string | null;
  party_member: boolean;
  status: 'active' | 'moved' | 'deceased';
  status_date: string | null;
}

const MEMBER_COLUMNS_SQL = `id, unit_id, member_code, full_name, birth_year, gender, address, phone,
  to_char(join_date, 'YYYY-MM-DD') AS join_date, party_member, status, to_char(status_date, 'YYYY-MM-DD') AS status_date`;

/** Rows per INSERT or UPDATE statement (each column one array parameter: the statement stays small). */
const CHUNK = 5_000;

const EXAMPLE: MemberRowValues = {
  memberCode: null,
  fullName: 'Nguyễn Văn An',
  birthYear: 1955,
  gender: 'male',
  address: 'Tổ dân phố 3, phường Ngọc Thụy, quận Long Biên, Hà Nội',
  phone: '0912 345 678',
  joinDate: '2010-07-27',
  partyMember: true,
  status: 'active',
  statusDate: null,
  unitName: null,
};

const recordValues = (m: MemberRecord): Pick<MemberRowValues, (typeof COMPARED_FIELDS)[number]> => ({
  fullName: m.full_name,
  birthYear: m.birth_year ?? 0,
  gender: m.gender,
  address: m.address,
  phone: m.phone,
  joinDate: m.join_date,
  partyMember: m.party_member,
  status: m.status,
  statusDate: m.status_date,
});

/**
 * The members register of a unit and its Excel round trip. Who: an admin of the organization, or a
 * chair or officer of the unit or of a unit above it; a unit the caller cannot see is 404 (as missing),
 * one they see but do not manage is 403.
 */
@Injectable()
export class MembersService {
  private readonly logger = new Logger(MembersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  template(): Promise<Buffer> {
    return memberTemplateXlsx(EXAMPLE);
  }

  /** The unit (404 if not visible, 403 if not managed by the caller), its subtree and the names it goes by in files. */
  private async managed(userId: string, unitId: string) {
    const scope = await this.access.scope(userId);
    if (!scope.visible.has(unitId)) throw new DomainError('not_found', 'unit.not_found');
    const unit = scope.byId.get(unitId)!;
    if (!canManage(scope, unit)) throw new DomainError('forbidden', 'member.manage_forbidden', { unit: unit.name });
    const subtree = subtreeOf(scope.units, unitId);
    return { unit, scope, subtree, names: unitNames(scope, unit, subtree) };
  }

  async export(userId: string, unitId: string): Promise<{ body: Buffer; filename: string }> {
    const { unit, scope, subtree, names } = await this.managed(userId, unitId);
    const members = await this.dataSource.query<MemberRecord[]>(
      `SELECT ${MEMBER_COLUMNS_SQL} FROM members WHERE unit_id = ANY($1::uuid[])`,
      [[...subtree]],
    );
    // Tree order (the unit, then each branch), then by name within a unit.
    const order = new Map(
      treeOrder(
        scope.units.filter((u) => subtree.has(u.id)),
        (a, b) => a.name.localeCompare(b.name, 'vi'),
      ).map((u, i) => [u.id, i]),
    );
    members.sort((a, b) => order.get(a.unit_id)! - order.get(b.unit_id)! || a.full_name.localeCompare(b.full_name, 'vi'));
    const body = await membersXlsx(
      members.map((m) => ({ ...recordValues(m), birthYear: m.birth_year as number, memberCode: m.member_code, unitName: names.of.get(m.unit_id)! })),
    );
    return { body, filename: `Hoi-vien ${unit.name}.xlsx` };
  }

  async import(userId: string, unitId: string, file: { body: Buffer; name: string }): Promise<ImportReport> {
    const { unit, subtree, names } = await this.managed(userId, unitId);
    const started = Date.now();
    const read = await readMembersXlsx(file.body);
    if (!read.ok) throw new DomainError('invalid', `member.import_${read.reason}`);
    const today = dateInHcm(Date.now());
    const errors: ImportReport['errors'] = [];
    const good: { row: number; values: MemberRowValues; unitId: string | null }[] = [];
    for (const { row, cells } of read.rows) {
      const check = checkMemberRow(row, cells, today);
      if (!check.values) {
        errors.push({ row, message: check.errors.join(' ') });
        continue;
      }
      let target: string | null = null;
      if (check.values.unitName !== null) {
        const found = names.byName.get(looseText(check.values.unitName));
        if (!found) {
          errors.push({ row, message: `Đơn vị "${check.values.unitName}" không thuộc ${unit.name}.` });
          continue;
        }
        if (found === 'ambiguous') {
          errors.push({ row, message: `Có nhiều đơn vị tên "${check.values.unitName}"; ghi đầy đủ như "${names.example}".` });
          continue;
        }
        target = found;
      }
      good.push({ row, values: check.values, unitId: target });
    }

    const report = await this.dataSource.transaction(async (em) => {
      // Imports into one organization run one at a time: matching and codes see every earlier import.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('members:' || $1))`, [unit.organizationId]);
      const plan = await this.plan(em, unit, subtree, good, errors);
      await this.write(em, plan);
      errors.sort((a, b) => a.row - b.row);
      const result: ImportReport = {
        rows: read.rows.length,
        created: plan.inserts.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        errors,
      };
      await em.query(
        `INSERT INTO member_imports (unit_id, user_id, file_name, rows, created, updated, unchanged, errors) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [unit.id, userId, file.name.normalize('NFC').slice(0, 255), result.rows, result.created, result.updated, result.unchanged, errors.length],
      );
      return result;
    });
    this.logger.log(
      `members import into ${unit.id} by ${userId}: ${report.rows} rows (${report.created} created, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.errors.length} refused) in ${Date.now() - started} ms`,
    );
    return report;
  }

  /** Matches each good row to a member (by code in the organization, else by name + birth year in its unit). */
  private async plan(
    em: EntityManager,
    unit: Unit,
    subtree: Set<string>,
    good: { row: number; values: MemberRowValues; unitId: string | null }[],
    errors: ImportReport['errors'],
  ) {
    const codes = [...new Set(good.map((g) => g.values.memberCode).filter((c): c is string => c !== null))];
    const byCode = new Map(
      (
        await em.query<MemberRecord[]>(`SELECT ${MEMBER_COLUMNS_SQL} FROM members WHERE organization_id = $1 AND member_code = ANY($2::text[])`, [
          unit.organizationId,
          codes,
        ])
      ).map((m) => [m.member_code, m]),
    );
    const byKey = new Map<string, MemberRecord[]>();
    for (const m of await em.query<MemberRecord[]>(`SELECT ${MEMBER_COLUMNS_SQL} FROM members WHERE unit_id = ANY($1::uuid[])`, [[...subtree]])) {
      const key = personKey(m.unit_id, m.full_name, m.birth_year);
      byKey.set(key, [...(byKey.get(key) ?? []), m]);
    }

    const inserts: (MemberRowValues & { unitId: string })[] = [];
    const updates: (MemberRowValues & { id: string; unitId: string })[] = [];
    let unchanged = 0;
    const rowOfMember = new Map<string, number>();
    const rowOfNew = new Map<string, number>();
    const rowOfCode = new Map<string, number>();
    for (const { row, values, unitId } of good) {
      let existing: MemberRecord | undefined;
      if (values.memberCode !== null) {
        // A code names one person in a file (two rows giving it would also clash in the database).
        const earlier = rowOfCode.get(values.memberCode);
        if (earlier !== undefined) {
          errors.push({ row, message: `Trùng mã hội viên "${values.memberCode}" với dòng ${earlier}.` });
          continue;
        }
        rowOfCode.set(values.memberCode, row);
        existing = byCode.get(values.memberCode);
        if (existing && !subtree.has(existing.unit_id)) {
          errors.push({ row, message: `Mã hội viên "${values.memberCode}" đã dùng cho một hội viên của đơn vị khác.` });
          continue;
        }
        if (!existing && GENERATED_MEMBER_CODE.test(values.memberCode)) {
          errors.push({ row, message: `Mã hội viên "${values.memberCode}" do hệ thống cấp mà không có; để trống để hệ thống tự cấp mã mới.` });
          continue;
        }
        if (!existing) {
          // The ward's own code for someone registered before without one (given HV-…): the same person, who takes the code.
          const matches = byKey.get(personKey(unitId ?? unit.id, values.fullName, values.birthYear)) ?? [];
          const other = matches.find((m) => !GENERATED_MEMBER_CODE.test(m.member_code));
          if (other) {
            errors.push({ row, message: `Đã có hội viên cùng tên và năm sinh với mã "${other.member_code}"; ghi đúng mã đó để cập nhật.` });
            continue;
          }
          if (matches.length > 1) {
            errors.push({ row, message: `Có ${matches.length} hội viên cùng tên và năm sinh; ghi mã hội viên để chọn đúng người.` });
            continue;
          }
          existing = matches[0];
        }
      } else {
        const matches = byKey.get(personKey(unitId ?? unit.id, values.fullName, values.birthYear)) ?? [];
        if (matches.length > 1) {
          errors.push({ row, message: `Có ${matches.length} hội viên cùng tên và năm sinh; ghi mã hội viên để chọn đúng người.` });
          continue;
        }
        existing = matches[0];
      }
      // One file names each person once (a new person by their code, and by name and birth year in their unit).
      const newKeys = [personKey(unitId ?? unit.id, values.fullName, values.birthYear), ...(values.memberCode ? [`code|${values.memberCode}`] : [])];
      const earlier = existing ? rowOfMember.get(existing.id) : newKeys.map((k) => rowOfNew.get(k)).find((r) => r !== undefined);
      if (earlier !== undefined) {
        errors.push({ row, message: `Trùng với dòng ${earlier} (cùng hội viên).` });
        continue;
      }
      if (!existing) {
        for (const k of newKeys) rowOfNew.set(k, row);
        inserts.push({ ...values, unitId: unitId ?? unit.id });
        continue;
      }
      rowOfMember.set(existing.id, row);
      const target = unitId ?? existing.unit_id;
      const before = recordValues(existing);
      const code = values.memberCode ?? existing.member_code;
      const same = target === existing.unit_id && code === existing.member_code && COMPARED_FIELDS.every((f) => before[f] === values[f]);
      if (same) unchanged++;
      else updates.push({ ...values, id: existing.id, unitId: target, memberCode: code });
    }
    return { inserts, updates, unchanged };
  }

  /** All inserts and updates in a few statements (arrays unnested into rows). */
  private async write(em: EntityManager, plan: Awaited<ReturnType<MembersService['plan']>>): Promise<void> {
    const columns = (rows: (MemberRowValues & { unitId: string })[]) => [
      rows.map((r) => r.unitId),
      rows.map((r) => r.memberCode),
      rows.map((r) => r.fullName),
      rows.map((r) => r.birthYear),
      rows.map((r) => r.gender),
      rows.map((r) => r.address),
      rows.map((r) => r.phone),
      rows.map((r) => r.joinDate),
      rows.map((r) => r.partyMember),
      rows.map((r) => r.status),
      rows.map((r) => r.statusDate),
    ];
    const typed = `$1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::date[], $9::boolean[], $10::text[], $11::date[]`;
    for (let i = 0; i < plan.inserts.length; i += CHUNK) {
      const chunk = plan.inserts.slice(i, i + CHUNK);
      // A missing code is given by the trigger (HV-…); the organization too.
      await em.query(
        `INSERT INTO members (unit_id, member_code, full_name, birth_year, gender, address, phone, join_date, party_member, status, status_date)
         SELECT * FROM unnest(${typed})`,
        columns(chunk),
      );
    }
    for (let i = 0; i < plan.updates.length; i += CHUNK) {
      const chunk = plan.updates.slice(i, i + CHUNK);
      await em.query(
        `UPDATE members m SET unit_id = v.unit_id, member_code = v.member_code, full_name = v.full_name, birth_year = v.birth_year, gender = v.gender,
           address = v.address, phone = v.phone, join_date = v.join_date, party_member = v.party_member, status = v.status,
           status_date = v.status_date, updated_at = now()
         FROM unnest($12::uuid[], ${typed})
           AS v(id, unit_id, member_code, full_name, birth_year, gender, address, phone, join_date, party_member, status, status_date)
         WHERE m.id = v.id`,
        [...columns(chunk), chunk.map((r) => r.id)],
      );
    }
  }
}

/** An admin of the unit's organization, or a chair or officer of the unit or above it. */
export function canManage(scope: Pick<CallerScope, 'memberships' | 'units'>, unit: Unit): boolean {
  return scope.memberships.some(
    (m) =>
      (m.role === 'admin' && m.unit.organizationId === unit.organizationId) ||
      ((m.role === 'chair' || m.role === 'officer') && subtreeOf(scope.units, m.unitId).has(unit.id)),
  );
}

/**
 * How files name the units of a subtree: the unit itself by its name, a unit below by the path of
 * names under it ("Chi hội 1", or "Hội CCB phường Ngọc Thụy / Chi hội 1" from a district); on import a
 * plain name is accepted too when only one unit of the subtree bears it.
 */
function unitNames(scope: CallerScope, root: Unit, subtree: Set<string>) {
  const of = new Map<string, string>();
  const path = (u: Unit): string => {
    if (u.id === root.id) return '';
    const above = path(scope.byId.get(u.parentId!)!);
    return above ? `${above} / ${u.name}` : u.name;
  };
  for (const id of subtree) {
    const u = scope.byId.get(id)!;
    of.set(id, u.id === root.id ? u.name : path(u));
  }
  const byName = new Map<string, string | 'ambiguous'>();
  for (const [id, name] of of) byName.set(looseText(name), id);
  for (const id of subtree) {
    const plain = looseText(scope.byId.get(id)!.name);
    if (byName.get(plain) === id) continue;
    byName.set(plain, byName.has(plain) ? 'ambiguous' : id);
  }
  const example = [...of.values()].find((n) => n.includes(' / ')) ?? root.name;
  return { of, byName, example };
}
