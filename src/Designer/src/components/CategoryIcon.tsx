import { useLayoutEffect, useState, useSyncExternalStore } from 'react';
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

/** The icon's key: its category in lower case, "other" for a category this designer does not know, "unknown" for none. */
function keyOf(category: string | undefined): string {
  const c = (category ?? '').toLowerCase();
  return icons[c] ? c : category ? 'other' : 'unknown';
}
const iconOf = (key: string): LucideIcon => icons[key] ?? (key === 'other' ? Box : Puzzle);

/** The icon of an activity category (a puzzle piece for one this designer does not know); decorative, the text names it. */
export function CategoryIcon({ category, size = 16 }: { category: string | undefined; size?: number }) {
  const Icon = iconOf(keyOf(category));
  return <Icon size={size} aria-hidden="true" focusable="false" className="category-icon" data-category={(category ?? 'unknown').toLowerCase()} />;
}

/**
 * The same icon drawn from the diagram's sprite (CategoryIconSprite): two elements instead of a lucide icon's three to
 * ten, and no icon built per node — a 200-activity diagram draws 200 of them.
 */
export function SpriteIcon({ category, size = 14 }: { category: string | undefined; size?: number }) {
  return (
    <svg width={size} height={size} aria-hidden="true" focusable="false" className="category-icon" data-category={(category ?? 'unknown').toLowerCase()}>
      <use href={`#category-icon-${keyOf(category)}`} />
    </svg>
  );
}

// The mounted sprites, oldest first: only the first draws its symbols, so a page with two diagrams (an instance and
// its child's) holds each id once; when it goes, the next one draws them.
let sprites: object[] = [];
const spriteListeners = new Set<() => void>();
const onSprites = (listener: () => void) => { spriteListeners.add(listener); return () => { spriteListeners.delete(listener); }; };
const setSprites = (next: object[]) => { sprites = next; spriteListeners.forEach((l) => l()); };

/** Every category's icon once, as symbols the nodes' SpriteIcons use; rendered by each screen that draws a diagram. */
export function CategoryIconSprite() {
  const [me] = useState(() => ({}));
  useLayoutEffect(() => {
    setSprites([...sprites, me]);
    return () => setSprites(sprites.filter((s) => s !== me));
  }, [me]);
  const first = useSyncExternalStore(onSprites, () => sprites[0] === me);
  if (!first) return null;
  const keys = [...Object.keys(icons), 'other', 'unknown'];
  return (
    <svg aria-hidden="true" focusable="false" style={{ position: 'absolute', width: 0, height: 0, overflow: 'hidden' }}>
      {keys.map((key) => {
        const Icon = iconOf(key);
        return <symbol key={key} id={`category-icon-${key}`} viewBox="0 0 24 24"><Icon size={24} /></symbol>;
      })}
    </svg>
  );
}
