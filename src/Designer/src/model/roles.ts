/** What each role may open in the designer, mirroring the server's policies (src/Host/Auth/SleekPolicies.cs). */

export type Screen = 'workflows' | 'instances' | 'tasks' | 'rules' | 'dashboard' | PortalScreen | SupplierScreen | 'suppliers' | 'onboarding' | 'my-products';

/** Buyer portal and ops lists (issue 14). */
export type PortalScreen = 'ops-quotes' | 'ops-orders' | 'my-quotes' | 'my-orders';

// The supplier portal (issue 14, supplier side): offers and assigned orders for suppliers, stages and QC for factories.
export type SupplierScreen = 'offers' | 'production' | 'factory';
const supplierScreens: Record<string, (SupplierScreen | 'onboarding')[]> = { supplier: ['offers', 'production', 'onboarding'], factory: ['factory'] };
const supplierPaths: Record<string, SupplierScreen> = { '/offers': 'offers', '/production': 'production', '/factory': 'factory' };

const staffOps = ['admin', 'ops'];

/** The six roles the API knows (src/Host/Auth/SleekRoles.cs), as a human task's role picker offers them. */
export const allRoles: { role: string; label: string }[] = [
  { role: 'ops', label: 'Operations (ops)' },
  { role: 'admin', label: 'Administrator (admin)' },
  { role: 'rule_author', label: 'Rule author (rule_author)' },
  { role: 'buyer', label: 'Buyer (buyer)' },
  { role: 'supplier', label: 'Supplier (supplier)' },
  { role: 'factory', label: 'Factory staff (factory)' },
];

/** The screens a role's navigation shows; every screen when the role is unknown (a server without sign-in). */
export function screensOf(role: string | null): Screen[] {
  if (role === null || staffOps.includes(role)) return ['workflows', 'instances', 'tasks', 'rules', 'dashboard', 'ops-quotes', 'ops-orders', 'offers', 'production', 'factory', 'suppliers'];
  if (role === 'rule_author') return ['rules', 'tasks'];
  if (role === 'buyer') return ['my-quotes', 'my-orders', 'tasks'];
  // A supplier's own products (issue 15; the catalog itself is open to everyone).
  return ['tasks', ...(supplierScreens[role] ?? []), ...(role === 'supplier' ? ['my-products' as const] : [])];
}

/** The screen a path belongs to, or null for screens everyone may open (sign-in, quotes, setup…). */
export function screenOf(path: string): Screen | null {
  if (path === '/' || path === '/workflows' || path.startsWith('/workflows/')) return 'workflows';
  if (path === '/instances' || path.startsWith('/instances/')) return 'instances';
  if (path === '/ops/bulk') return 'instances'; // bulk operations on instances: ops only
  if (path === '/tasks') return 'tasks';
  if (path === '/rules' || path.startsWith('/rules/')) return 'rules';
  if (path === '/dashboard') return 'dashboard';
  // Buyer portal and ops lists (an order's page is for its buyer, its supplier and ops: the API decides).
  if (path === '/ops/quotes') return 'ops-quotes';
  if (path === '/ops/orders') return 'ops-orders';
  if (path === '/my/quotes') return 'my-quotes';
  if (path === '/my/orders') return 'my-orders';
  // Suppliers (issue 15): ops' list and supplier pages; a supplier's own onboarding. Sign-up is open to everyone.
  if (path === '/ops/suppliers' || path.startsWith('/suppliers/')) return 'suppliers';
  if (path === '/supplier/onboarding') return 'onboarding';
  if (supplierPaths[path]) return supplierPaths[path];
  if (path === '/my/products') return 'my-products';
  return null;
}

/** Where a role's own work is: staff the workflows, rule authors the rules, everyone else their tasks. */
export function homeOf(role: string | null | undefined): string {
  if (role === 'rule_author') return '/rules';
  if (role === 'buyer') return '/my/quotes';
  if (role === 'supplier') return '/offers';
  if (role === 'factory') return '/factory';
  if (role === null || role === undefined || staffOps.includes(role)) return '/';
  return '/tasks';
}

/** Only admins and rule authors change rules (rules.write); ops read them. */
export function mayWriteRules(role: string | null): boolean {
  return role === null || role === 'admin' || role === 'rule_author';
}

/** The role claim of a JWT access token (its payload is base64url JSON), or null. */
export function roleOfToken(token: string | null): string | null {
  if (!token) return null;
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='))) as { role?: unknown };
    return typeof json.role === 'string' ? json.role : null;
  } catch {
    return null;
  }
}

/** The party claim of a JWT access token (a supplier or factory user's supplier id), or null. */
export function partyOfToken(token: string | null): string | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='))) as { party?: unknown };
    return typeof json.party === 'string' ? json.party : null;
  } catch {
    return null;
  }
}
