import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './CodeEditor';

// CodeMirror is a chunk of its own, fetched when the first expression is shown (never on the first screen).
const CodeEditor = lazy(() => import('./CodeEditor'));

/** An expression's editor: a plain text box until CodeMirror has loaded, then CodeMirror. */
export function ExpressionField(props: CodeEditorProps) {
  const fallback = (
    <textarea id={props.id} className="code" rows={2} value={props.value} aria-label={props.label} aria-invalid={props.invalid}
      spellCheck={false} placeholder={props.placeholder} onChange={(e) => props.onChange(e.target.value)} />
  );
  return <Suspense fallback={fallback}><CodeEditor {...props} /></Suspense>;
}
