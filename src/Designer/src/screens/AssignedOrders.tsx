import { useRef, useState } from 'react';
import { getToken } from '../api/client';
import { useApi } from '../api/useApi';
import { useLiveEvents } from '../api/useLiveEvents';
import { ErrorBox, Empty, Loading, StatusBadge } from '../components/Feedback';
import { LiveBadge } from '../components/LiveBadge';
import { PartyFilter } from '../components/PartyFilter';
import { OrderRiskPanel } from '../components/OrderRiskPanel';
import { PortalTaskForm } from '../components/PortalTaskForm';
import { SupplierPerformancePanel } from '../components/SupplierPerformancePanel';
import { DelayOutcome, StageDelayForm } from '../components/StageDelayForm';
import { actionLabel, openOrderStatuses, stageState, type OrderDetails, type OrderSummary } from '../model/supplierPortal';
import { partyOfToken, roleOfToken } from '../model/roles';
import type { HumanTask, Page } from '../model/types';

/**
 * The orders assigned to a supplier, each with its production stages and the tasks of `taskRole` open on it
 * (supplier: sample, shipment; factory: stages, rework). Each order follows its live stream, so a step done elsewhere
 * (another person, the workflow's timers) shows without reloading. Ops see every supplier's (filter by supplier) and
 * may do any step for the order's supplier (the step says for whom; the server audits it).
 */
export function AssignedOrders({ title, intro, taskRole }: { title: string; intro: string; taskRole: 'supplier' | 'factory' }) {
  const role = roleOfToken(getToken());
  const staff = role === null || role === 'admin' || role === 'ops';
  const [party, setParty] = useState('');
  const orders = useApi<Page<OrderSummary>>(`/api/orders?pageSize=50${party ? `&supplierId=${party}` : ''}`);
  const [done, setDone] = useState<string[]>([]);
  const open = orders.data?.items.filter((o) => openOrderStatuses(o.status) && (o.supplierId || !staff)) ?? [];
  return (
    <div className="page portal">
      <div className="page-header"><h1>{title}</h1><div className="actions"><button type="button" onClick={orders.reload}>Refresh</button></div></div>
      <p className="muted">{intro}</p>
      {staff && <PartyFilter value={party} onChange={setParty} />}
      {!staff && partyOfToken(getToken()) && <SupplierPerformancePanel supplierId={partyOfToken(getToken())!} />}
      {staff && party && <SupplierPerformancePanel key={party} supplierId={party} />}
      {done.map((m) => <div key={m} className="status" role="status">{m}</div>)}
      {orders.loading && !orders.data && <Loading what="orders" />}
      <ErrorBox error={orders.error} title="Could not load the orders" />
      {orders.data && open.length === 0 && <Empty>No orders in production {staff ? 'for this selection' : 'for you'} right now.</Empty>}
      <ul className="portal-list">
        {open.map((o) => <OrderCard key={o.id} summary={o} taskRole={taskRole} staff={staff} onDone={(m) => setDone((d) => [...d.slice(-2), m])} />)}
      </ul>
    </div>
  );
}

function OrderCard({ summary, taskRole, staff, onDone }: { summary: OrderSummary; taskRole: string; staff: boolean; onDone: (m: string) => void }) {
  const order = useApi<OrderDetails>(`/api/orders/${summary.id}`);
  const tasks = useApi<Page<HumanTask>>(`/api/orders/${summary.id}/tasks?pageSize=20`);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useLiveEvents(`/api/orders/${summary.id}/events`, () => {
    pending.current ??= setTimeout(() => { pending.current = null; order.reload(); tasks.reload(); }, 150);
  });
  const mine = tasks.data?.items.filter((t) => t.role === taskRole) ?? [];
  // A running stage's task (the factory's) can report a delay; the supplier may report it too (its own factory's task).
  const stageTasks = tasks.data?.items.filter((t) => t.activityId === 'stage-task' && t.outcomes.includes(DelayOutcome)) ?? [];
  const o = order.data;
  const running = o?.stages.find((s) => s.actualStart && !s.actualEnd);
  return (
    <li className="card portal-card" data-testid="assigned-order" aria-label={`Order ${summary.number}`}>
      <div className="portal-card-head">
        <h2>Order {summary.number}</h2>
        <StatusBadge status={o?.status ?? summary.status} />
        <LiveBadge state={live} />
      </div>
      <p className="muted small">{summary.quantity} × {summary.productType}{o?.supplier && <> · {o.supplier.name}</>}</p>
      <ErrorBox error={order.error ?? tasks.error} title="Could not load this order" />
      {o && o.stages.length > 0 && (
        <table className="stages" aria-label={`Production stages of order ${summary.number}`}>
          <thead><tr><th scope="col">#</th><th scope="col">Stage</th><th scope="col">Planned end</th><th scope="col">State</th></tr></thead>
          <tbody>
            {o.stages.map((s) => (
              <tr key={s.sequence} className={s.late ? 'late' : ''}>
                <td>{s.sequence}</td><td>{s.name}</td><td>{s.plannedEnd ? s.plannedEnd.slice(0, 10) : '—'}</td><td>{stageState(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <OrderRiskPanel orderId={summary.id} />
      {o?.shipment?.trackingNumber && <p data-testid="shipment">Shipped with {o.shipment.carrier}, tracking number <strong>{o.shipment.trackingNumber}</strong>.</p>}
      {tasks.data && mine.length === 0 && stageTasks.length === 0 && <p className="muted small">Nothing to do on this order right now.</p>}
      {mine.map((t) => (
        <PortalTaskForm key={t.id} task={stageOnly(t)} label={actionLabel(t)} onBehalf={staff ? `You act for the ${taskRole} of ${o?.supplier?.name ?? 'this order'}; the audit log records it.` : null}
          onDone={(m) => { onDone(m); tasks.reload(); order.reload(); }} />
      ))}
      {stageTasks.map((t) => (
        <StageDelayForm key={`delay-${t.id}`} task={t} plannedEnd={running?.plannedEnd} onDone={(m) => { onDone(m); tasks.reload(); order.reload(); }} />
      ))}
    </li>
  );
}

/** A stage task's completion form without its delay fields and outcomes (the delay has its own form): completing it is "Done". */
function stageOnly(task: HumanTask): HumanTask {
  return task.outcomes.includes(DelayOutcome)
    ? { ...task, outcomes: [], form: task.form.filter((f) => !f.requiredFor?.includes(DelayOutcome)) }
    : task;
}
