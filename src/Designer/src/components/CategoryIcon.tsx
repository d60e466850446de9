import { Box, Calculator, CreditCard, Factory, FileText, GitBranch, Mail, Plug, Puzzle, Radio, Scale, Sparkles, Store, Timer, User, Workflow, type LucideIcon } from 'lucide-react';

// Named imports only: lucide-react is side-effect free, so the bundle holds these icons and no others.
const icons: Record<string, LucideIcon> = {
  ai: Sparkles,
  email: Mail,
  events: Radio,
  flow: GitBranch,
  human: User,
  integration: Plug,
  marketplace: Store,
  payments: CreditCard,
  primitives: Calculator,
  quotes: FileText,
  rules: Scale,
  suppliers: Factory,
  timers: Timer,
  workflows: Workflow,
};

/** The icon of an activity category (a puzzle piece for one this designer does not know); decorative, the text names it. */
export function CategoryIcon({ category, size = 16 }: { category: string | undefined; size?: number }) {
  const Icon = icons[(category ?? '').toLowerCase()] ?? (category ? Box : Puzzle);
  return <Icon size={size} aria-hidden="true" focusable="false" className="category-icon" data-category={(category ?? 'unknown').toLowerCase()} />;
}
