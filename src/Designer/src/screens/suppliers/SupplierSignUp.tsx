import { useState } from 'react';
import { api, fieldErrorsOf, setTokens, type SignInAnswer } from '../../api/client';
import { ErrorBox } from '../../components/Feedback';
import { PasswordFields } from '../../components/PasswordFields';
import { passwordAcceptable } from '../../model/credentials';
import { Link, useRouter } from '../../router';

/** A factory signs up (POST /api/suppliers/signup), from scratch or through an invitation link, then uploads its documents. */
export function SupplierSignUp() {
  const { search, navigate } = useRouter();
  const params = new URLSearchParams(search);
  const invitedId = params.get('supplier');
  const invitation = params.get('invitation');
  const [form, setForm] = useState({ displayName: '', email: '', company: '', contactName: '', phone: '', country: '', categories: '', certificates: '', capacity: '10', moq: '100', maxOrderQuantity: '' });
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error);
  const set = (name: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [name]: e.target.value });
  const list = (text: string) => text.split(',').map((x) => x.trim()).filter((x) => x !== '');

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!passwordAcceptable(password, confirmation)) {
      setError(new Error('The password does not meet the rules below yet.'));
      return;
    }
    setBusy(true);
    try {
      await api('/api/suppliers/signup', {
        method: 'POST',
        body: {
          email: form.email, password, displayName: form.displayName || undefined,
          invitationSupplierId: invitedId ?? undefined, invitation: invitation ?? undefined,
          supplier: {
            name: form.company, email: form.email, contactName: form.contactName || undefined, phone: form.phone || undefined, country: form.country.toUpperCase(),
            categories: list(form.categories).map((c) => c.toLowerCase().replace(/[ -]/g, '_')),
            certificates: list(form.certificates).map((name) => ({ name })),
            capacity: Number(form.capacity), moq: Number(form.moq), maxOrderQuantity: form.maxOrderQuantity ? Number(form.maxOrderQuantity) : undefined,
          },
        },
      });
      const answer = await api<SignInAnswer>('/api/auth/login', { method: 'POST', body: { email: form.email, password } });
      if (answer.status === 'signed_in') {
        setTokens(answer);
        navigate('/supplier/onboarding');
      } else navigate('/sign-in?next=/supplier/onboarding');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (id: keyof typeof form, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, api = id as string) => (
    <div className={`input-row${fieldErrors[`supplier.${api}`] || fieldErrors[api] ? ' invalid' : ''}`}>
      <label htmlFor={`signup-${id}`}>{label}</label>
      <input id={`signup-${id}`} value={form[id]} onChange={set(id)} {...props} />
    </div>
  );
  return (
    <div className="page narrow">
      <h1>Sign up as a supplier</h1>
      {invitedId && <p>You were invited by our ops team: this sign-up completes your invitation.</p>}
      <form className="card" onSubmit={submit} aria-label="Sign up as a supplier">
        {field('company', 'Company name', { required: true, maxLength: 200, autoComplete: 'organization' }, 'name')}
        {field('displayName', 'Your name', { maxLength: 100, autoComplete: 'name' })}
        {field('email', 'E-mail', { required: true, type: 'email', maxLength: 255, autoComplete: 'username' })}
        <PasswordFields idPrefix="signup" password={password} confirmation={confirmation} onPassword={setPassword} onConfirmation={setConfirmation} invalid={!!fieldErrors.password} />
        {field('contactName', 'Contact person', { maxLength: 100 })}
        {field('phone', 'Phone', { maxLength: 40, type: 'tel' })}
        {field('country', 'Country (2-letter code, e.g. PT)', { required: true, maxLength: 2 })}
        {field('categories', 'Specialties (product categories, comma separated, e.g. t_shirt, hoodie)', { required: true, maxLength: 500 })}
        {field('certificates', 'Certifications (comma separated, e.g. OEKO-TEX, GOTS)', { maxLength: 500 })}
        {field('capacity', 'Orders you can run at once', { required: true, type: 'number', min: 1 })}
        {field('moq', 'Smallest order (units)', { required: true, type: 'number', min: 1 })}
        {field('maxOrderQuantity', 'Largest order (units, optional)', { type: 'number', min: 1 })}
        <ErrorBox error={error} title="The sign-up was not accepted" />
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Signing up…' : 'Sign up'}</button>
      </form>
      <p className="muted">Already signed up? <Link to="/sign-in?next=/supplier/onboarding">Sign in</Link>.</p>
    </div>
  );
}
