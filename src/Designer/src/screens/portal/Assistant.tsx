import { useEffect, useRef, useState } from 'react';
import { api, ApiError, getToken } from '../../api/client';
import { useActionKey } from '../../api/useActionKey';
import { ErrorBox, Loading } from '../../components/Feedback';
import { sendAssistantMessage, waitWords, type AssistantConversation, type AssistantMessage, type AssistantStatus } from '../../model/assistant';
import { day, money, words, type QuoteSummary } from '../../model/portal';
import { Link } from '../../router';

const KEY = 'sleek.assistant.conversation';

/**
 * The quote assistant: a chat whose replies stream in as the model writes them. Prices, totals and lead times are shown
 * only from the tools' results (the cards), never from the model's text; a quote starts only when the buyer confirms its
 * card. Without an AI endpoint, or when the day's budget is spent, it points to the quote form.
 */
export function Assistant() {
  const [status, setStatus] = useState<AssistantStatus | null>(null);
  const [messages, setMessages] = useState<AssistantMessage[]>([]);
  const [streaming, setStreaming] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<{ detail: string; formUrl: string } | null>(null);
  const conversation = useRef<string | null>(sessionStorage.getItem(KEY));
  const owner = useRef<string | null>(getToken());

  useEffect(() => {
    api<AssistantStatus>('/api/assistant').then(setStatus, setError);
    const id = conversation.current;
    if (id && sessionStorage.getItem(`${KEY}.owner`) === (owner.current ?? '')) {
      api<AssistantConversation>(`/api/assistant/conversations/${id}`).then((c) => setMessages(c.messages), () => { conversation.current = null; sessionStorage.removeItem(KEY); });
    } else conversation.current = null;
  }, []);

  const busy = streaming !== null;
  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    const message = text.trim();
    if (!message || busy) return;
    setError(null);
    setNotice(null);
    try {
      setStreaming('');
      setText('');
      await sendAssistantMessage(conversation.current, message, (event) => {
        if (event.kind === 'conversation') {
          // The first message started the conversation: later ones go to it, also after a reload of this tab.
          conversation.current = event.id;
          sessionStorage.setItem(KEY, event.id);
          sessionStorage.setItem(`${KEY}.owner`, owner.current ?? '');
        } else if (event.kind === 'delta') setStreaming((s) => (s ?? '') + event.text);
        else if (event.kind === 'user' || event.kind === 'tool') setMessages((m) => [...m, event.message]);
        else if (event.kind === 'message') { setStreaming(null); setMessages((m) => [...m, event.message]); }
        else if (event.kind === 'error') { setStreaming(null); setNotice({ detail: event.detail, formUrl: event.formUrl }); }
      });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 429 || err.status === 503)) {
        const wait = typeof err.problem.retryAfter === 'number' ? ` Try again ${waitWords(err.problem.retryAfter)}.` : '';
        setNotice({ detail: `${err.problem.detail ?? err.message}${wait}`, formUrl: String(err.problem.formUrl ?? '/quote') });
        setText(message);
      } else {
        setError(err);
        setText(message);
      }
    } finally {
      setStreaming(null);
    }
  };

  const confirmed = (proposal: string, quote: QuoteSummary) =>
    setMessages((m) => m.map((x) => (x.id === proposal ? { ...x, status: 'confirmed', quoteId: quote.id } : x)));

  if (!status && !error) return <div className="page"><Loading what="the assistant" /></div>;
  return (
    <div className="page assistant">
      <div className="page-header"><h1>Quote assistant</h1><div className="actions"><Link to="/quote">Use the quote form</Link></div></div>
      {status && !status.available && (
        <div className="empty" role="status">The assistant is not available on this server. <Link to={status.formUrl}>Ask for a quote with the form</Link>; it works as always.</div>
      )}
      {status?.available && !status.signedIn && (
        <p className="small">Not signed in: the assistant can show categories and price a request. <Link to="/sign-in?next=/assistant">Sign in</Link> as a buyer to request quotes and ask about your orders.</p>
      )}
      <ErrorBox error={error} title="The message was not sent" />
      {status?.available && (
        <>
          <div className="chat-log" role="log" aria-live="polite" aria-label="Conversation" data-testid="chat-log">
            {messages.length === 0 && !busy && <p className="small">Ask for a price, e.g. "How much are 150 medium t-shirts?"</p>}
            {messages.map((m) => <ChatItem key={m.id} message={m} conversationId={conversation.current} onConfirmed={confirmed} />)}
            {busy && <div className="chat-message from-assistant" data-testid="chat-streaming">{streaming || '…'}</div>}
          </div>
          {notice && (
            <div className="error-box" role="alert"><strong>The assistant cannot answer now</strong><p>{notice.detail}</p><p><Link to={notice.formUrl}>Ask for a quote with the form</Link></p></div>
          )}
          <form className="chat-form" onSubmit={send}>
            <label htmlFor="chat-text">Your message</label>
            <textarea id="chat-text" value={text} maxLength={4000} rows={2} onChange={(e) => setText(e.target.value)} disabled={busy}
              onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); e.currentTarget.form?.requestSubmit(); } }} />
            <button type="submit" disabled={busy || text.trim() === ''}>{busy ? 'Answering…' : 'Send'}</button>
          </form>
        </>
      )}
    </div>
  );
}

function ChatItem({ message, conversationId, onConfirmed }: { message: AssistantMessage; conversationId: string | null; onConfirmed: (proposal: string, quote: QuoteSummary) => void }) {
  if (message.role === 'user') return <div className="chat-message from-buyer"><span className="visually-hidden">You: </span>{message.content}</div>;
  if (message.role === 'assistant') {
    if (message.status !== 'complete') return null;
    return <div className="chat-message from-assistant"><span className="visually-hidden">Assistant: </span>{message.content}</div>;
  }
  if (message.role === 'system') return <div className="chat-message chat-note">{message.content}</div>;
  return <ToolCard message={message} conversationId={conversationId} onConfirmed={onConfirmed} />;
}

/** A tool call's result as a card: every amount and date comes from here, as the server computed it. */
function ToolCard({ message, conversationId, onConfirmed }: { message: AssistantMessage; conversationId: string | null; onConfirmed: (proposal: string, quote: QuoteSummary) => void }) {
  const r = message.result ?? {};
  if (typeof r.error === 'string') {
    const errors = r.errors && typeof r.errors === 'object' ? Object.values(r.errors as Record<string, string>) : [];
    return <div className="chat-card" data-testid="tool-refused"><strong>{r.error}</strong>{errors.length > 0 && <ul>{errors.map((e) => <li key={e}>{e}</li>)}</ul>}</div>;
  }
  switch (message.toolName) {
    case 'price_quote':
      return <PriceCard r={r} title="Price" />;
    case 'create_quote':
      return <ProposalCard message={message} conversationId={conversationId} onConfirmed={onConfirmed} />;
    case 'order_details':
      return (
        <div className="chat-card" data-testid="order-card">
          <strong>Order <Link to={`/orders/${String(r.id)}`}>{String(r.number)}</Link>: {words(String(r.status))}</strong>
          <p>{String(r.quantity)} × {words(String(r.productType))}, {money(Number(r.total), String(r.currency))}</p>
          {Array.isArray(r.invoices) && r.invoices.length > 0 && (
            <ul>{(r.invoices as { number: string; amount: number; currency: string; status: string; dueAt: string }[]).map((i) => <li key={i.number}>{i.number}: {money(i.amount, i.currency)}, {words(i.status)}, due {day(i.dueAt)}</li>)}</ul>
          )}
        </div>
      );
    case 'my_quotes_and_orders':
      return (
        <div className="chat-card" data-testid="status-card">
          <strong>Your quotes and orders</strong>
          <ul>
            {((r.quotes ?? []) as { id: string; number: string; status: string; total: number }[]).map((q) => <li key={q.id}>Quote {q.number}: {words(q.status)}, {money(q.total, 'USD')}</li>)}
            {((r.orders ?? []) as { id: string; number: string; status: string; total: number }[]).map((o) => <li key={o.id}>Order <Link to={`/orders/${o.id}`}>{o.number}</Link>: {words(o.status)}, {money(o.total, 'USD')}</li>)}
          </ul>
        </div>
      );
    case 'hand_over_to_ops':
      return <div className="chat-card">{r.handedOver ? 'A person from our operations team has this conversation and will answer by e-mail.' : String(r.error ?? 'The hand-over did not work.')}</div>;
    case 'list_categories':
      return <div className="chat-card small">Looked up {Array.isArray(r.categories) ? r.categories.length : 0} product categories.</div>;
    default:
      return null;
  }
}

function PriceCard({ r, title, children }: { r: Record<string, unknown>; title: string; children?: React.ReactNode }) {
  return (
    <div className="chat-card" data-testid="price-card">
      <strong>{title}: {Number(r.quantity).toLocaleString('en-US')} × {String(r.productName ?? r.productType)} ({String(r.complexity)})</strong>
      <dl className="facts">
        <dt>Unit price</dt><dd>{money(Number(r.unitPrice), String(r.currency))}</dd>
        <dt>Total</dt><dd data-testid="card-total">{money(Number(r.total), String(r.currency))}</dd>
        <dt>Lead time</dt><dd>{String(r.leadTimeDays)} days</dd>
      </dl>
      {children}
    </div>
  );
}

function ProposalCard({ message, conversationId, onConfirmed }: { message: AssistantMessage; conversationId: string | null; onConfirmed: (proposal: string, quote: QuoteSummary) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [quote, setQuote] = useState<QuoteSummary | null>(null);
  const [sending, setSending] = useState(false);
  const { key } = useActionKey();
  const confirm = async () => {
    setSending(true);
    setError(null);
    try {
      const created = await api<QuoteSummary>(`/api/assistant/conversations/${conversationId}/proposals/${message.id}/confirm`, { method: 'POST', idempotencyKey: key() });
      setQuote(created);
      onConfirmed(message.id, created);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };
  const r = message.result ?? {};
  return (
    <PriceCard r={r} title="Your quote request">
      {r.fabric ? <p>Fabric: {String(r.fabric)}</p> : null}
      {message.status === 'awaiting_confirmation' && !quote && (
        <p><button type="button" onClick={confirm} disabled={sending}>{sending ? 'Requesting…' : 'Confirm and request this quote'}</button></p>
      )}
      {(quote || message.status === 'confirmed') && (
        <p role="status">Quote {quote ? quote.number : ''} requested. See it in <Link to="/my/quotes">My quotes</Link>.</p>
      )}
      <ErrorBox error={error} title="The quote was not requested" />
    </PriceCard>
  );
}
