import { memo, useMemo, useState } from 'react';
import type { ActivityDescriptor } from '../model/types';
import { CategoryIcon } from './CategoryIcon';

export const DRAG_TYPE = 'application/x-sleek-activity';

/** Activity types by category, searchable; drag one onto the canvas, or press Enter / click to add it. */
function PaletteInner({ descriptors, onAdd }: { descriptors: ActivityDescriptor[]; onAdd: (type: string) => void }) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const filtered = descriptors.filter((d) => q === '' || [d.type, d.displayName, d.category, d.description].some((s) => s.toLowerCase().includes(q)));
    const map = new Map<string, ActivityDescriptor[]>();
    for (const d of filtered) { const list = map.get(d.category); if (list) list.push(d); else map.set(d.category, [d]); }
    // Not localeCompare: its first call sets up a collator, tens of milliseconds while the editor opens.
    return [...map.entries()].sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  }, [descriptors, query]);
  return (
    <aside className="palette" aria-label="Activity palette">
      <h2>Activities</h2>
      <input type="search" placeholder="Search activities" aria-label="Search activities" value={query} onChange={(e) => setQuery(e.target.value)} />
      {groups.length === 0 && <p className="muted small">No activity matches “{query}”.</p>}
      {groups.map(([category, items]) => (
        <section key={category} aria-label={`${category} activities`}>
          <h3><CategoryIcon category={category} /> {category}</h3>
          <ul>
            {items.map((d) => (
              <li key={d.type}>
                <button
                  type="button"
                  className="palette-item"
                  draggable
                  data-testid={`palette-${d.type}`}
                  aria-label={`Add ${d.displayName} (${d.type})`}
                  title={`${d.description}\nDrag onto the canvas, or press Enter to add.`}
                  onDragStart={(e) => { e.dataTransfer.setData(DRAG_TYPE, d.type); e.dataTransfer.effectAllowed = 'move'; }}
                  onClick={() => onAdd(d.type)}
                >
                  <CategoryIcon category={d.category} size={14} /> {d.displayName}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}

/** Memoized: the editor re-renders on every change of the diagram, the palette only when its activities or query change. */
export const Palette = memo(PaletteInner);
