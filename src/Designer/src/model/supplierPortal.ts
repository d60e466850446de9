import type { HumanTask } from './types';

/** GET /api/portal/offers (src/Host/Endpoints/Portal/PortalContracts.cs). */
export interface PortalOffer {
  task: HumanTask;
  orderId?: string | null;
  orderNumber?: string | null;
  productType?: string | null;
  quantity?: number | null;
  supplierPrice?: number | null;
  supplierId?: string | null;
  supplierName?: string | null;
  deadline?: string | null;
  expired: boolean;
}

export interface PortalSupplier { id: string; name: string }

export interface OrderSummary { id: string; number: string; status: string; productType: string; quantity: number; supplierId?: string | null; updatedAt: string }

export interface OrderStage {
  sequence: number; name: string; plannedDays: number;
  plannedStart?: string | null; plannedEnd?: string | null; actualStart?: string | null; actualEnd?: string | null;
  late: boolean; daysLate: number;
}

export interface OrderDetails extends OrderSummary {
  supplier?: { id: string; name: string } | null;
  shipment?: { carrier?: string | null; trackingNumber?: string | null } | null;
  stages: OrderStage[];
}

/** Orders a portal screen still works on: not yet delivered, completed or cancelled. */
export const openOrderStatuses = (status: string) => !['delivered', 'completed', 'cancelled'].includes(status);

/** A stage's state in words. */
export function stageState(stage: OrderStage): string {
  if (stage.actualEnd) return stage.late ? `done, ${stage.daysLate} day${stage.daysLate === 1 ? '' : 's'} late` : 'done';
  if (stage.actualStart) return stage.late ? `in progress, ${stage.daysLate} day${stage.daysLate === 1 ? '' : 's'} late` : 'in progress';
  // Opened (planned dates set) and waiting for the factory's Start (quote-to-delivery v3).
  if (stage.plannedEnd) return stage.late ? `ready to start, ${stage.daysLate} day${stage.daysLate === 1 ? '' : 's'} late` : 'ready to start';
  return 'not started';
}

/** Time left until a deadline, in words ("2 days 3 hours left", "expired"). */
export function timeLeft(deadline: string | null | undefined, now: number): string {
  if (!deadline) return 'no deadline';
  const ms = Date.parse(deadline) - now;
  if (ms <= 0) return 'expired';
  const hours = Math.floor(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  if (days > 0) return `${days} day${days === 1 ? '' : 's'} ${hours % 24} hour${hours % 24 === 1 ? '' : 's'} left`;
  const minutes = Math.max(1, Math.floor(ms / 60_000) % 60);
  return hours > 0 ? `${hours} hour${hours === 1 ? '' : 's'} ${minutes} min left` : `${minutes} min left`;
}

/** What each portal task is called on the button that completes it (the workflow's ids: workflows/quote-to-delivery). */
export function actionLabel(task: HumanTask): string {
  switch (task.activityId) {
    case 'stage-start': return 'Start stage';
    case 'stage-task': return 'Mark stage complete';
    case 'ship': return 'Record shipment';
    case 'submit-sample': return 'Sample sent';
    case 'rework': return 'Rework done';
    default: return 'Complete';
  }
}
