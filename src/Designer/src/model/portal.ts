/** The buyer portal's shapes, as the API answers them (src/Host/Endpoints/Quotes, Orders, Invoices). */

export interface QuoteSummary {
  id: string;
  number: string;
  productType: string;
  quantity: number;
  complexity: string;
  unitPrice: number;
  total: number;
  currency: string;
  leadTimeDays: number;
  /** Percent off promised before acceptance (the discount follow-up); 0 when none. */
  discountPercent: number;
  /** What the order costs when accepted with the promised discount; null when none. */
  discountedTotal: number | null;
  status: string;
  email: string;
  orderId: string | null;
  createdAt: string;
  /** What the buyer asked of the supplier (issue 15); the eligibility rules act on them. */
  orderRequirements?: OrderRequirements;
}

/** A quote's and its order's requirements: a deadline, certifications, where it may or may not be made. */
export interface OrderRequirements {
  neededBy: string | null;
  requiredCertifications: string[];
  allowedCountries: string[];
  blockedCountries: string[];
}

/** The requirements as lines for a person (empty when none were given). */
export function requirementLines(r: OrderRequirements | undefined): [string, string][] {
  if (!r) return [];
  const lines: [string, string][] = [];
  if (r.neededBy) lines.push(['Needed by', r.neededBy]);
  if (r.requiredCertifications.length > 0) lines.push(['Certifications', r.requiredCertifications.map((c) => c.replace(/_/g, '-').toUpperCase()).join(', ')]);
  if (r.allowedCountries.length > 0) lines.push(['Made only in', r.allowedCountries.join(', ')]);
  if (r.blockedCountries.length > 0) lines.push(['Never made in', r.blockedCountries.join(', ')]);
  return lines;
}

export interface OrderSummary {
  id: string;
  number: string;
  status: string;
  buyerEmail: string;
  productType: string;
  quantity: number;
  total: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrderInvoice {
  id: string;
  number: string;
  kind: string;
  amount: number;
  currency: string;
  status: string;
  issuedAt: string;
  dueAt: string;
  paidAt: string | null;
}

export interface OrderStage {
  sequence: number;
  name: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  late: boolean;
  daysLate: number;
}

export interface OrderDetail extends OrderSummary {
  quoteId: string;
  quoteNumber: string | null;
  unitPrice: number;
  currency: string;
  supplier: { name: string; country: string } | null;
  shipment: { carrier: string | null; trackingNumber: string | null } | null;
  timeline: { at: string; actor: string; action: string; fromStatus: string | null; toStatus: string | null; reason: string | null }[];
  stages: OrderStage[];
  invoices: OrderInvoice[];
}

export interface PaymentIntent {
  invoiceId: string;
  number: string;
  paymentIntentId: string;
  clientSecret: string;
  amount: number;
  currency: string;
  publishableKey: string | null;
}

export interface ListPage<T> { items: T[]; pageNumber: number; pageSize: number; total: number }

/** "1,234.50 USD". */
export const money = (value: number, currency: string) => `${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;

/** A status name as words: "in_production" → "in production". */
export const words = (status: string) => status.replace(/_/g, ' ');

/** "2026-12-05" of an ISO time, or "—". */
export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');

/** An invoice's share in words. */
export const invoiceKind = (kind: string) => (kind === 'deposit' ? '30 % deposit' : kind === 'balance' ? '70 % balance' : kind);

/** A stage's latest delay report, as the timeline records it (RescheduleProductionStage's wording). */
export interface StageDelayNote { newDate: string; reason: string }

const delayed = /^stage (\d+) '.*' delayed from \S+ to (\S+): ([\s\S]*)$/;

/** The latest delay report per stage sequence, read from the order's timeline (entries `stage_delayed`). */
export function stageDelays(timeline: { action: string; reason: string | null }[]): Map<number, StageDelayNote> {
  const notes = new Map<number, StageDelayNote>();
  for (const entry of timeline) {
    const m = entry.action === 'stage_delayed' && entry.reason ? delayed.exec(entry.reason) : null;
    if (m) notes.set(Number(m[1]), { newDate: m[2], reason: m[3] });
  }
  return notes;
}
