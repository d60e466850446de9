import { useApi } from '../api/useApi';
import type { PortalSupplier } from '../model/supplierPortal';

/** Ops pick the supplier whose work they look at (or all); parties never see it: the server gives them their own. */
export function PartyFilter({ value, onChange }: { value: string; onChange: (supplierId: string) => void }) {
  const suppliers = useApi<PortalSupplier[]>('/api/portal/suppliers');
  return (
    <div className="input-row party-filter">
      <label htmlFor="party-filter">Supplier</label>
      <select id="party-filter" value={value} onChange={(e) => onChange(e.target.value)} disabled={!suppliers.data}>
        <option value="">All suppliers</option>
        {suppliers.data?.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
      {suppliers.error !== null && <span className="field-error" role="alert">Could not load the suppliers; showing all.</span>}
    </div>
  );
}
