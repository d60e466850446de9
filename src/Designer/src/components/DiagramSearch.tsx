import { useReactFlow } from '@xyflow/react';
import { useId, useMemo, useState } from 'react';
import type { ActivityNode } from '../model/graph';
import { searchActivities, type SearchHit } from '../model/search';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/layout';
import { READABLE_ZOOM } from './FitOnLoad';

/**
 * Find an activity by name, id or type: Enter (or picking a result) centres the diagram on it at a readable zoom
 * and selects it. A combobox with its list of results (ARIA 1.2 pattern), so it works from the keyboard.
 */
export function DiagramSearch({ nodes, onPick }: { nodes: ActivityNode[]; onPick: (id: string) => void }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [found, setFound] = useState<string | null>(null);
  const { setCenter, getNode } = useReactFlow();
  const listId = useId();
  const hits = useMemo(() => searchActivities(nodes.map((n) => n.data.activity), text), [nodes, text]);

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    const node = getNode(hit.id);
    if (!node) return;
    const w = node.measured?.width ?? NODE_WIDTH;
    const h = node.measured?.height ?? NODE_HEIGHT;
    void setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom: READABLE_ZOOM, duration: 0 });
    onPick(hit.id);
    setFound(hit.title);
    setOpen(false);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, hits.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
    else if (e.key === 'Enter') { e.preventDefault(); pick(hits[active]); }
    else if (e.key === 'Escape') { setOpen(false); }
  };

  const showList = open && text.trim() !== '';
  return (
    <div className="diagram-search" role="search" aria-label="Find an activity">
      <input type="search" role="combobox" aria-label="Find an activity by name or id" placeholder="Find activity…" value={text}
        aria-expanded={showList} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        onChange={(e) => { setText(e.target.value); setActive(0); setOpen(true); setFound(null); }}
        onFocus={() => setOpen(true)} onBlur={() => setTimeout(() => setOpen(false), 150)} onKeyDown={onKeyDown} />
      {showList && (
        <ul id={listId} role="listbox" aria-label="Activities found" className="diagram-search-results">
          {hits.length === 0 && <li className="muted small" role="option" aria-selected={false} aria-disabled>No activity matches “{text.trim()}”.</li>}
          {hits.map((h, i) => (
            <li key={h.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined}
              onMouseDown={(e) => { e.preventDefault(); pick(h); }}>
              <span>{h.title}</span> <span className="muted small">{h.type} · {h.id}</span>
            </li>
          ))}
        </ul>
      )}
      <span className="sr-only" role="status">{found ? `Showing ${found}` : ''}</span>
    </div>
  );
}
