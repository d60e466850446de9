import { useEffect, useState } from 'react';
import { getToken } from '../api/client';
import { useApi } from '../api/useApi';
import { useLiveEvents } from '../api/useLiveEvents';
import { ErrorBox, Empty, Loading, formatTime } from '../components/Feedback';
import { PartyFilter } from '../components/PartyFilter';
import { PortalTaskForm } from '../components/PortalTaskForm';
import { timeLeft, type PortalOffer } from '../model/supplierPortal';
import { roleOfToken } from '../model/roles';

/**
 * Offers of orders to a supplier: accept, or decline with a reason, before the deadline. After it the offer shows as
 * expired and the server refuses an answer (409). Ops see every supplier's offers (filter by supplier) and may answer
 * one for its supplier (the card says whose offer it is; the server audits who acted for whom).
 */
export function Offers() {
  const role = roleOfToken(getToken());
  const staff = role === null || role === 'admin' || role === 'ops';
  const [party, setParty] = useState('');
  const offers = useApi<PortalOffer[]>(`/api/portal/offers${party ? `?supplierId=${party}` : ''}`);
  const [done, setDone] = useState<string[]>([]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);

  return (
    <div className="page portal">
      <div className="page-header"><h1>Offers</h1><div className="actions"><button type="button" onClick={offers.reload}>Refresh</button></div></div>
      <p className="muted">Orders offered to {staff ? 'suppliers' : 'you'}. Accept to take the order on; decline with a reason so it goes to the next supplier.</p>
      {staff && <PartyFilter value={party} onChange={setParty} />}
      {done.map((m) => <div key={m} className="status" role="status">{m}</div>)}
      {offers.loading && !offers.data && <Loading what="offers" />}
      <ErrorBox error={offers.error} title="Could not load the offers" />
      {offers.data && offers.data.length === 0 && <Empty>No open offers right now. New ones appear here, and you get an email.</Empty>}
      <ul className="portal-list">
        {offers.data?.map((o) => (
          <OfferCard key={o.task.id} offer={o} now={now} staff={staff}
            onDone={(m) => { setDone((d) => [...d.slice(-2), m]); offers.reload(); }} onChange={offers.reload} />
        ))}
      </ul>
    </div>
  );
}

function OfferCard({ offer, now, staff, onDone, onChange }: { offer: PortalOffer; now: number; staff: boolean; onDone: (m: string) => void; onChange: () => void }) {
  // The offer closes by itself at its deadline (or another answer): the order's stream says so.
  useLiveEvents(offer.orderId ? `/api/orders/${offer.orderId}/events` : null, (e) => { if (e.kind === 'task-closed' || e.kind === 'status') onChange(); });
  const expired = offer.expired || (offer.deadline ? Date.parse(offer.deadline) <= now : false);
  return (
    <li className="card portal-card" data-testid="offer" aria-label={`Offer of order ${offer.orderNumber ?? ''}`}>
      <h2>Order {offer.orderNumber ?? '(number pending)'}</h2>
      <dl className="facts">
        {offer.productType && <><dt>Product</dt><dd>{offer.quantity} × {offer.productType}</dd></>}
        {offer.supplierPrice != null && <><dt>You are paid</dt><dd>{offer.supplierPrice.toFixed(2)} USD</dd></>}
        {staff && <><dt>Offered to</dt><dd>{offer.supplierName ?? offer.supplierId}</dd></>}
        <dt>Answer by</dt>
        <dd data-testid="offer-deadline">{offer.deadline ? `${formatTime(offer.deadline)} (${timeLeft(offer.deadline, now)})` : 'no deadline'}</dd>
      </dl>
      {expired
        ? <p className="expired" role="status">This offer has expired: it can no longer be accepted or declined, and goes to the next supplier.</p>
        : <PortalTaskForm task={offer.task} require={{ Decline: ['reason'] }} onBehalf={staff ? `You answer for the supplier ${offer.supplierName ?? offer.supplierId ?? ''}; the audit log records it.` : null} onDone={onDone} />}
    </li>
  );
}
