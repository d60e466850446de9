import { lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { loadedEditor, loadEditor, prefetchEditor } from './screens/loaders';
import { clearAllLocalDrafts } from './model/localDrafts';
import { homeOf, roleOfToken, screenOf, screensOf, type Screen } from './model/roles';
import { getToken, setUnauthorizedHandler, signOut } from './api/client';
import { Link, match, useRouter } from './router';
import { NotificationBell } from './components/NotificationBell';
import { Loading } from './components/Feedback';

// Every screen is a chunk of its own, loaded when its route is first shown: the first screen's JavaScript is React,
// this shell (routing, the nav, the notification bell) and that one screen. The editor's loader lives in screens/loaders.ts
// so the workflow list can fetch its chunk early.
// Any props in the constraint: each lazy screen keeps its own prop types (M[K]).
function lazyScreen<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
const WorkflowList = lazyScreen(() => import('./screens/WorkflowList'), 'WorkflowList');
const InstanceList = lazyScreen(() => import('./screens/InstanceList'), 'InstanceList');
const Tasks = lazyScreen(() => import('./screens/Tasks'), 'Tasks');
const Rules = lazyScreen(() => import('./screens/Rules'), 'Rules');
const Dashboard = lazyScreen(() => import('./screens/Dashboard'), 'Dashboard');
const SignIn = lazyScreen(() => import('./screens/SignIn'), 'SignIn');
const ResetPassword = lazyScreen(() => import('./screens/ResetPassword'), 'ResetPassword');
const Setup = lazyScreen(() => import('./screens/Setup'), 'Setup');
const Register = lazyScreen(() => import('./screens/Register'), 'Register');
const Quote = lazyScreen(() => import('./screens/Quote'), 'Quote');
const QuoteView = lazyScreen(() => import('./screens/Quote'), 'QuoteView');
// Buyer portal and ops lists (issue 14).
const QuoteList = lazyScreen(() => import('./screens/portal/QuoteList'), 'QuoteList');
const OrderList = lazyScreen(() => import('./screens/portal/OrderList'), 'OrderList');
const OrderPage = lazyScreen(() => import('./screens/portal/OrderPage'), 'OrderPage');
const PayInvoice = lazyScreen(() => import('./screens/portal/PayInvoice'), 'PayInvoice');
const ClaimQuotes = lazyScreen(() => import('./screens/portal/ClaimQuotes'), 'ClaimQuotes');
// The quote assistant (issue 17).
const Assistant = lazyScreen(() => import('./screens/portal/Assistant'), 'Assistant');
// Supplier portal and notifications (issue 14).
const Offers = lazyScreen(() => import('./screens/Offers'), 'Offers');
const Production = lazyScreen(() => import('./screens/Production'), 'Production');
const Factory = lazyScreen(() => import('./screens/Production'), 'Factory');
const Notifications = lazyScreen(() => import('./screens/Notifications'), 'Notifications');
// Suppliers and onboarding (issue 15).
const SupplierList = lazyScreen(() => import('./screens/suppliers/SupplierList'), 'SupplierList');
const SupplierPage = lazyScreen(() => import('./screens/suppliers/SupplierPage'), 'SupplierPage');
const SupplierSignUp = lazyScreen(() => import('./screens/suppliers/SupplierSignUp'), 'SupplierSignUp');
const SupplierOnboarding = lazyScreen(() => import('./screens/suppliers/SupplierOnboarding'), 'SupplierOnboarding');
// Bulk operations (issue 16).
const BulkOperations = lazyScreen(() => import('./screens/BulkOperations'), 'BulkOperations');
// The product catalog (issue 15).
const Catalog = lazyScreen(() => import('./screens/catalog/Catalog'), 'Catalog');
const ProductPage = lazyScreen(() => import('./screens/catalog/ProductPage'), 'ProductPage');
const MyProducts = lazyScreen(() => import('./screens/catalog/MyProducts'), 'MyProducts');
// The diagram screens (React Flow, the editors).
const Editor = lazyScreen(loadEditor, 'Editor');
const InstanceView = lazyScreen(() => import('./screens/InstanceView'), 'InstanceView');

// The path whose data was last prefetched: App renders many times on one path, and each arrival asks once.
let prefetchedPath: string | null = null;

export function App() {
  const { path, navigate } = useRouter();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      // Forced: unsaved editor work is already kept in this browser and comes back after the sign-in.
      if (!['/sign-in', '/reset-password'].includes(window.location.pathname)) navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, { force: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate]);

  const token = getToken();
  const role = roleOfToken(token);
  const screens = screensOf(role);
  const here = screenOf(path);
  // A signed-in person who may not use this screen goes to their own work (buyers, suppliers, factory: tasks).
  const wrongPlace = token !== null && here !== null && !screens.includes(here);
  useEffect(() => {
    if (wrongPlace && path === '/') navigate(homeOf(role), { replace: true });
  }, [wrongPlace, path, role, navigate]);

  // The editor's chunk, once here, is rendered directly rather than through the lazy Editor: React shows a screen
  // that comes after its Suspense fallback no sooner than 300 ms after that fallback appeared (it throttles Suspense
  // retries), and a workflow opened by its address (its chunk loading beside this first render) waited ~150 ms for
  // nothing. The chunk's arrival is an ordinary update instead, which React commits at once.
  const onEditor = match('/workflows/:id', path) !== null;
  const [, setEditorLoaded] = useState(false);
  useEffect(() => {
    if (!onEditor || loadedEditor() !== null) return;
    void loadEditor().then(() => setEditorLoaded(true), () => { /* the lazy Editor shows the error */ });
  }, [onEditor]);
  const EditorScreen = loadedEditor()?.Editor ?? Editor;

  let screen: React.ReactNode;
  let params: Record<string, string> | null;
  if (wrongPlace) screen = <div className="page"><h1>Not for your role</h1><p>This screen is for other roles. <Link to={homeOf(role)}>Go to your work</Link></p></div>;
  else if (path === '/' || path === '/workflows') screen = <WorkflowList />;
  else if ((params = match('/workflows/:id', path))) {
    // The editor's requests start now, beside its chunk's download, instead of after it.
    if (token !== null && prefetchedPath !== path) prefetchEditor(params.id);
    screen = <EditorScreen key={params.id} definitionId={params.id} />;
  }
  else if (path === '/instances') screen = <InstanceList />;
  else if ((params = match('/instances/:id', path))) screen = <InstanceView key={params.id} instanceId={params.id} />;
  else if (path === '/tasks') screen = <Tasks />;
  else if (path === '/rules') screen = <Rules />;
  else if ((params = match('/rules/:name', path))) screen = <Rules name={params.name} />;
  else if (path === '/dashboard') screen = <Dashboard />;
  else if (path === '/sign-in') screen = <SignIn />;
  else if (path === '/reset-password') screen = <ResetPassword />;
  else if (path === '/setup') screen = <Setup />;
  else if (path === '/register') screen = <Register />;
  else if (path === '/quote') screen = <Quote />;
  else if ((params = match('/quotes/:id', path))) screen = <QuoteView key={params.id} quoteId={params.id} />;
  // Buyer portal and ops lists.
  else if (path === '/my/quotes') screen = <QuoteList />;
  else if (path === '/my/orders') screen = <OrderList />;
  else if (path === '/ops/quotes') screen = <QuoteList ops />;
  else if (path === '/ops/orders') screen = <OrderList ops />;
  else if ((params = match('/orders/:id/invoices/:invoiceId/pay', path))) screen = <PayInvoice key={params.invoiceId} orderId={params.id} invoiceId={params.invoiceId} />;
  else if ((params = match('/orders/:id', path))) screen = <OrderPage key={params.id} orderId={params.id} />;
  else if (path === '/claim-quotes') screen = <ClaimQuotes />;
  else if (path === '/assistant') screen = <Assistant />;
  // Supplier portal.
  else if (path === '/offers') screen = <Offers />;
  else if (path === '/production') screen = <Production />;
  else if (path === '/factory') screen = <Factory />;
  else if (path === '/notifications') screen = <Notifications />;
  // Suppliers and onboarding.
  else if (path === '/ops/suppliers') screen = <SupplierList />;
  else if ((params = match('/suppliers/:id', path))) screen = <SupplierPage key={params.id} supplierId={params.id} />;
  else if (path === '/supplier/signup') screen = <SupplierSignUp />;
  else if (path === '/supplier/onboarding') screen = <SupplierOnboarding />;
  else if (path === '/ops/bulk') screen = <BulkOperations />;
  // The product catalog.
  else if (path === '/catalog') screen = <Catalog />;
  else if ((params = match('/catalog/:id', path))) screen = <ProductPage key={params.id} productId={params.id} />;
  else if (path === '/my/products') screen = <MyProducts />;
  else screen = <div className="page"><h1>Not found</h1><p>No screen at {path}. <Link to="/">Back to workflows</Link></p></div>;

  prefetchedPath = path;
  const signedIn = token !== null;
  const nav: [Screen, string, string][] = [['workflows', '/', 'Workflows'], ['instances', '/instances', 'Instances'], ['tasks', '/tasks', 'Tasks'], ['rules', '/rules', 'Rules'], ['dashboard', '/dashboard', 'Dashboard'],
    ['offers', '/offers', 'Offers'], ['production', '/production', 'Assigned orders'], ['factory', '/factory', 'Production & QC']];
  // Buyer portal and ops lists.
  nav.push(['ops-quotes', '/ops/quotes', 'Quotes'], ['ops-orders', '/ops/orders', 'Orders'], ['my-quotes', '/my/quotes', 'My quotes'], ['my-orders', '/my/orders', 'My orders']);
  nav.push(['suppliers', '/ops/suppliers', 'Suppliers'], ['onboarding', '/supplier/onboarding', 'Onboarding']);
  nav.push(['my-products', '/my/products', 'My products']);
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Sleek Workflows</span>
        <nav aria-label="Main">
          {/* Signed out, only what anyone may use: the staff and portal screens appear once a role is known. */}
          {nav.filter(([s]) => signedIn && screens.includes(s)).map(([s, to, label]) => <Link key={s} to={to}>{label}</Link>)}
          {!signedIn && <Link to="/quote">Get a quote</Link>}
          {(role === 'buyer' || !signedIn) && <Link to="/catalog">Products</Link>}
          {(role === 'buyer' || !signedIn) && <Link to="/assistant">Quote assistant</Link>}
        </nav>
        <span className="spacer" />
        {signedIn && <NotificationBell />}
        {signedIn ? (
          <button type="button" className="link-button" onClick={() => {
            // Asks first when there is unsaved work; a shared computer keeps no one's local drafts.
            navigate('/sign-in');
            if (window.location.pathname !== '/sign-in') return;
            clearAllLocalDrafts();
            void signOut();
          }}>Sign out</button>
        ) : (
          <Link to="/sign-in">Sign in</Link>
        )}
      </header>
      <main><Suspense fallback={<div className="page"><Loading what="the screen" /></div>}>{screen}</Suspense></main>
    </div>
  );
}
