import type { CampaignStatus, ContributionMethod } from './campaign-labels';
import type { DocumentHeader, Signer } from './pdf-layout';

/**
 * The public disclosure of a fund campaign (công khai, as Nghị định 93/2021 asks of every call for
 * voluntary contributions): the call, how and where money is received, what was received per unit and
 * by method, what was remitted up and confirmed, the balance, and — only for donors who agreed to it —
 * the donors' names. `GET /campaigns/:id/disclosure` fills this; `disclosurePdf` and `disclosureXlsx`
 * print it as given and compute nothing, so the three formats always show the same figures.
 *
 * All amounts are whole đồng (net of reversals); dates are calendar days "YYYY-MM-DD" in Vietnam.
 */
export interface CampaignDisclosure {
  /** The unit that launched the campaign publishes its disclosure. */
  header: DocumentHeader;
  campaign: {
    code: string;
    title: string;
    fundName: string;
    purpose: string;
    /** The launching unit, as people name it: "Hội CCB phường Ngọc Thụy". */
    launchedBy: string;
    startDate: string;
    endDate: string;
    target: number;
    status?: CampaignStatus;
    /** The suggested gift, a hint only (giving is voluntary): "50.000 đ/hội viên". */
    suggestion?: string | null;
  };
  /** How and where money is received. */
  receiving: {
    methods: readonly ContributionMethod[];
    /** The units that record contributions, with where they receive (an office, a residential group's house). */
    points: readonly { unitName: string; place?: string | null; contact?: string | null }[];
    bankAccounts?: readonly { bank: string; accountNumber: string; accountName: string }[];
    note?: string | null;
  };
  /** When the figures were taken (an instant: shown in Vietnam time). */
  asOf: string | Date;
  totals: {
    /** Net total received across every unit of the campaign. */
    received: number;
    /** Number of contributions (net of reversed ones). */
    contributions: number;
    byMethod: readonly { method: ContributionMethod; count: number; amount: number }[];
    /**
     * Per unit, in the order to print (the tree flattened, parents first); `depth` 0 is the launching
     * unit, and indents the name. `received` is what the unit itself recorded (its own entries, net).
     * `remitted`/`confirmed` are printed only when the totals carry them (see below).
     */
    byUnit: readonly { unitName: string; depth: number; count: number; received: number; remitted?: number; confirmed?: number }[];
    /**
     * Remitted up to parents, and of that what the parents confirmed, across the campaign. Optional: an
     * API that does not record remittances yet leaves both out (here and in `byUnit`), and the papers
     * then print no remittance columns or lines rather than zeros that would read as facts.
     */
    remitted?: number;
    confirmed?: number;
    /** What is still held, as the API computes it (received less what was handed on or spent). */
    balance: number;
  };
  /** How the money was used, if the API records it. */
  spending?: readonly { date: string; description: string; amount: number }[];
  /** Donors who agreed to be named, in the order given (never ranked). Omitted or empty → no list. */
  donors?: readonly { name: string; unitName?: string | null; amount?: number | null }[];
  /** Who signs the disclosure, e.g. { onBehalfOf: 'T/M BAN CHẤP HÀNH', title: 'CHỦ TỊCH', name: … }. */
  signer?: Signer;
}
