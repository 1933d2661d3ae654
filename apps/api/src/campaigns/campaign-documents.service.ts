import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ancestorsOf, CONTRIBUTION_METHODS, ContributionMethod, DomainError, subtreeIds, treeOrder, vietnameseDate } from '@lienthong/domain';
import { disclosurePdf, disclosureXlsx, DocumentHeader, formatVnd, receiptPdf } from '@lienthong/documents';
import { CAMPAIGN_COLUMNS, CampaignRow, organizationUnits } from '@lienthong/persistence';
import { AccessService } from '../units/access.service';
import { CampaignQueriesService, CONTRIBUTION_SELECT, ContributionRow } from './campaign-queries.service';
import { CampaignDisclosureDto } from './dto/campaign-documents.dto';

export type DisclosureFormat = 'json' | 'pdf' | 'xlsx';

export const PDF_MIME = 'application/pdf';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A paper to send: its bytes, MIME type and file name (Vietnamese; the controller adds an ASCII fallback). */
export interface DocumentFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

/** A unit as the papers name it. */
interface PaperUnit {
  id: string;
  parentId: string | null;
  organizationId: string;
  name: string;
  levelCode: string;
}

/**
 * The campaign's papers: a contribution's biên nhận and the public disclosure (công khai, Nghị định
 * 93/2021) as JSON, PDF and XLSX. One builder fills the disclosure (`CampaignDisclosureDto`, the shape
 * `@lienthong/documents` prints), so the three formats always show the same figures: the papers print
 * what the JSON says and compute nothing.
 */
@Injectable()
export class CampaignDocumentsService {
  constructor(
    private readonly access: AccessService,
    private readonly queries: CampaignQueriesService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * One entry's biên nhận. Readable by whoever may list the entry's unit's entries (an officer or the
   * chair of the unit or of a unit above it, as `GET contributions`). A reversal has no receipt of its
   * own (422 `campaign.receipt_of_reversal`): the money was received once, under the original's number;
   * the original's receipt, printed again, says that it was reversed, when and why.
   */
  async receipt(userId: string, campaignId: string, contributionId: string): Promise<DocumentFile> {
    const scope = await this.access.scope(userId);
    const campaign = await this.queries.visibleCampaign(scope, campaignId);
    const [entry] = await this.dataSource.query<ContributionRow[]>(`${CONTRIBUTION_SELECT} WHERE c.id = $1 AND c.campaign_id = $2`, [
      contributionId,
      campaignId,
    ]);
    const inCampaign = subtreeIds(scope.units, campaign.unit_id);
    if (!entry || !inCampaign.has(entry.unit_id)) throw new DomainError('not_found', 'campaign.contribution_not_found');
    const acting = new Set(scope.actor.unitIds);
    if (!ancestorsOf(scope.units, entry.unit_id).some((id) => acting.has(id))) throw new DomainError('forbidden', 'campaign.entries_officers_only');
    if (entry.reverses || entry.receipt_no === null) throw new DomainError('unprocessable', 'campaign.receipt_of_reversal');

    const units: PaperUnit[] = scope.units.map((u) => ({
      id: u.id,
      parentId: u.parentId,
      organizationId: u.organizationId,
      name: u.name,
      levelCode: u.level.code,
    }));
    const unit = units.find((u) => u.id === entry.unit_id)!;
    let note = entry.note;
    if (entry.reversed_by) {
      const [reversal] = await this.dataSource.query<{ date: string; note: string | null }[]>(
        `SELECT to_char(contribution_date, 'YYYY-MM-DD') AS date, note FROM contributions WHERE id = $1`,
        [entry.reversed_by],
      );
      const reversed = `Khoản này đã được hủy ngày ${vietnameseDate(reversal.date)}${reversal.note ? `: ${reversal.note}` : ''}.`;
      note = note ? `${note}. ${reversed}` : reversed;
    }
    const receiptNo = receiptNumber(entry.receipt_no, campaign.code);
    const body = await receiptPdf({
      header: headerOf(units, unit),
      receiptNo,
      campaign: { title: campaign.title, fundName: campaign.fund_name, code: campaign.code },
      unitName: unit.name,
      donor: { kind: entry.donor_kind, name: entry.donor_name },
      amount: Number(entry.amount),
      method: entry.method,
      date: entry.contribution_date,
      note,
      recordedBy: { name: entry.created_by_name },
    });
    return { body, contentType: PDF_MIME, filename: `Biên nhận ${receiptNo.replace('/', '-')} - ${unit.name}.pdf` };
  }

  /** The disclosure for a signed-in caller: whoever may see the campaign (404 otherwise, as for its detail). */
  async disclosure(userId: string, campaignId: string): Promise<CampaignDisclosureDto> {
    const scope = await this.access.scope(userId);
    return this.build(await this.queries.visibleCampaign(scope, campaignId));
  }

  /**
   * The disclosure without signing in, by the campaign's code: only a campaign marked `public` and
   * launched (a draft has nothing to publish; a closed or cancelled one still accounts for what it
   * received). Anything else is 404 `campaign.not_found`, as if it did not exist.
   */
  async publicDisclosure(code: string): Promise<CampaignDisclosureDto> {
    const [campaign] = await this.dataSource.query<CampaignRow[]>(
      `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE code = $1 AND public AND status <> 'draft'`,
      [code],
    );
    if (!campaign) throw new DomainError('not_found', 'campaign.not_found');
    return this.build(campaign);
  }

  /** The disclosure as a file; the JSON is the input, printed as given. */
  async render(disclosure: CampaignDisclosureDto, format: Exclude<DisclosureFormat, 'json'>): Promise<DocumentFile> {
    const filename = `Công khai ${disclosure.campaign.code}.${format}`;
    return format === 'pdf'
      ? { body: await disclosurePdf(disclosure), contentType: PDF_MIME, filename }
      : { body: await disclosureXlsx(disclosure), contentType: XLSX_MIME, filename };
  }

  /**
   * The one builder. Reads the ledger itself (`contributions`, net of reversals) grouped by unit and
   * method, the launching unit's subtree (every unit there may receive money) and the donors who agreed
   * to be named.
   */
  private async build(campaign: CampaignRow): Promise<CampaignDisclosureDto> {
    const asOf = new Date();
    const all: PaperUnit[] = await organizationUnits(this.dataSource, campaign.organization_id);
    const inCampaign = subtreeIds(all, campaign.unit_id);
    // Parents first, siblings by name: the order a notice board reads; depth indents the name.
    const ordered = treeOrder<PaperUnit>(
      all.filter((u) => inCampaign.has(u.id)),
      (a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true }),
    );
    const depthOf = new Map<string, number>();
    for (const u of ordered) depthOf.set(u.id, u.parentId && depthOf.has(u.parentId) ? depthOf.get(u.parentId)! + 1 : 0);
    const root = all.find((u) => u.id === campaign.unit_id)!;
    const nameOf = new Map(all.map((u) => [u.id, u.name]));

    const [sums, donors, [chair], remittances, [intoRoot]] = await Promise.all([
      // `count`: entries still standing (an entry and its reversal count for nothing); `amount`: net.
      this.dataSource.query<{ unit_id: string; method: ContributionMethod; count: number; amount: string }[]>(
        `SELECT c.unit_id, c.method, count(*) FILTER (WHERE c.reverses IS NULL AND r.id IS NULL)::int AS count, sum(c.amount)::text AS amount
         FROM contributions c LEFT JOIN contributions r ON r.reverses = c.id
         WHERE c.campaign_id = $1 GROUP BY c.unit_id, c.method`,
        [campaign.id],
      ),
      // Only donors who agreed to be named, in the order received (never ranked by amount); an entry
      // since reversed is no gift.
      this.dataSource.query<{ name: string; unit_id: string; amount: string }[]>(
        `SELECT c.donor_name AS name, c.unit_id, c.amount::text AS amount FROM contributions c
         WHERE c.campaign_id = $1 AND c.donor_public_name AND c.donor_name IS NOT NULL AND c.reverses IS NULL
           AND NOT EXISTS (SELECT 1 FROM contributions r WHERE r.reverses = c.id)
         ORDER BY c.contribution_date, c.created_at, c.id`,
        [campaign.id],
      ),
      this.dataSource.query<{ display_name: string }[]>(
        `SELECT u.display_name FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.unit_id = $1 AND m.role = 'chair' AND u.active ORDER BY u.display_name LIMIT 1`,
        [campaign.unit_id],
      ),
      // Each unit's own remittances to its parent (the running totals the ledger keeps with them).
      this.dataSource.query<{ unit_id: string; remitted: string; confirmed: string }[]>(
        'SELECT unit_id, remitted::text, confirmed::text FROM campaign_unit_totals WHERE campaign_id = $1',
        [campaign.id],
      ),
      // What reached the launching unit: the remittances of the units right below it.
      this.dataSource.query<{ remitted: string; confirmed: string }[]>(
        `SELECT coalesce(sum(amount) FILTER (WHERE status IN ('pending', 'confirmed')), 0)::text AS remitted,
           coalesce(sum(amount) FILTER (WHERE status = 'confirmed'), 0)::text AS confirmed
         FROM campaign_remittances WHERE campaign_id = $1 AND parent_unit_id = $2`,
        [campaign.id, campaign.unit_id],
      ),
    ]);
    const remittedBy = new Map(remittances.map((r) => [r.unit_id, { remitted: Number(r.remitted), confirmed: Number(r.confirmed) }]));

    const perUnit = new Map<string, { count: number; received: number }>();
    const perMethod = new Map<ContributionMethod, { count: number; amount: number }>();
    for (const row of sums) {
      const amount = Number(row.amount);
      const unit = perUnit.get(row.unit_id) ?? { count: 0, received: 0 };
      perUnit.set(row.unit_id, { count: unit.count + row.count, received: unit.received + amount });
      const method = perMethod.get(row.method) ?? { count: 0, amount: 0 };
      perMethod.set(row.method, { count: method.count + row.count, amount: method.amount + amount });
    }
    const received = [...perUnit.values()].reduce((s, u) => s + u.received, 0);
    const contributions = [...perUnit.values()].reduce((s, u) => s + u.count, 0);

    return {
      header: headerOf(all, root),
      campaign: {
        id: campaign.id,
        code: campaign.code,
        title: campaign.title,
        fundName: campaign.fund_name,
        purpose: campaign.purpose,
        launchedBy: root.name,
        startDate: campaign.start_date,
        endDate: campaign.end_date,
        target: Number(campaign.target),
        status: campaign.status,
        suggestion: campaign.suggestion === null ? null : `${formatVnd(Number(campaign.suggestion))}/hội viên`,
        public: campaign.public,
      },
      receiving: {
        methods: [...CONTRIBUTION_METHODS],
        points: ordered.map((u) => ({ unitId: u.id, unitName: u.name, place: null, contact: null })),
        note: 'Mỗi khoản ủng hộ được ghi sổ và cấp biên nhận có số tại đơn vị tiếp nhận. Ủng hộ là tự nguyện.',
      },
      asOf: asOf.toISOString(),
      totals: {
        received,
        contributions,
        // Every method the campaign accepts, in a fixed order, zeros included: the table never reorders.
        byMethod: CONTRIBUTION_METHODS.map((method) => ({ method, ...(perMethod.get(method) ?? { count: 0, amount: 0 }) })),
        byUnit: ordered.map((u) => ({
          unitId: u.id,
          unitName: u.name,
          levelCode: u.levelCode,
          depth: depthOf.get(u.id) ?? 0,
          ...(perUnit.get(u.id) ?? { count: 0, received: 0 }),
          ...(remittedBy.get(u.id) ?? { remitted: 0, confirmed: 0 }),
        })),
        // Remittances are recorded: their figures are facts, zeros included. Campaign-wide, what reached
        // the launching unit. The balance is still what the campaign holds: remittances move money
        // between its own units, and no spending is recorded yet, so it equals `received`.
        remitted: Number(intoRoot.remitted),
        confirmed: Number(intoRoot.confirmed),
        balance: received,
      },
      donors: donors.map((d) => ({ name: d.name, unitName: nameOf.get(d.unit_id) ?? '', amount: Number(d.amount) })),
      signer: {
        onBehalfOf: 'T/M BAN CHẤP HÀNH',
        title: root.levelCode === 'branch' ? 'CHI HỘI TRƯỞNG' : 'CHỦ TỊCH',
        ...(chair ? { name: chair.display_name } : {}),
      },
    };
  }
}

/** "0007/VD-2026-0001": the unit's gap-free number within the campaign, numbered like the association's papers. */
export function receiptNumber(receiptNo: number, campaignCode: string): string {
  return `${String(receiptNo).padStart(4, '0')}/${campaignCode}`;
}

/**
 * A paper's header: the unit above (or the unit itself at the top) and the issuing unit, in capitals,
 * and the place for the date line — the ward or district in the nearest unit's name ("Hội CCB phường
 * Ngọc Thụy" → "Ngọc Thụy"); a branch takes its ward's.
 */
export function headerOf(units: readonly PaperUnit[], unit: PaperUnit): DocumentHeader {
  const byId = new Map(units.map((u) => [u.id, u]));
  const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
  let place: string | undefined;
  for (let u: PaperUnit | undefined = unit; u && !place; u = u.parentId ? byId.get(u.parentId) : undefined) {
    place = /(?:phường|xã|thị trấn|quận|huyện|thị xã|thành phố|tỉnh)\s+(.+)$/iu.exec(u.name)?.[1]?.trim();
  }
  return {
    organization: (parent ?? unit).name.toLocaleUpperCase('vi'),
    unit: unit.name.toLocaleUpperCase('vi'),
    ...(place ? { place } : {}),
  };
}
