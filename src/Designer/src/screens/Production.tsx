import { AssignedOrders } from './AssignedOrders';

/** Supplier: the orders it took on — send the sample, follow the stages, record the shipment. */
export function Production() {
  return <AssignedOrders title="Assigned orders" taskRole="supplier"
    intro="Orders you accepted: send the sample, follow production, and record the shipment with its carrier and tracking number." />;
}

/** Factory / QC: the production stages and checks of its supplier's orders. */
export function Factory() {
  return <AssignedOrders title="Production and QC" taskRole="factory"
    intro="Stages of your supplier’s orders: start each one when work begins and mark it complete when it is done; run the QC checks and rework what quality control sends back." />;
}
