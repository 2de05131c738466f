import { useState } from 'react';
import { Field, FormError, useSubmit } from '../parts/forms';
import { useI18n } from '../i18n';

export function Login({ onSubmit, tenant = '', username = '' }: {
  onSubmit: (tenant: string, username: string, password: string) => Promise<void>;
  tenant?: string;
  username?: string;
}) {
  const { t } = useI18n();
  const [slug, setSlug] = useState(tenant);
  const [user, setUser] = useState(username);
  const [password, setPassword] = useState('');
  const form = useSubmit(['tenant', 'username', 'password']);
  return (
    <form
      className="card narrow"
      aria-label={t('login.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(() => onSubmit(slug.trim(), user.trim(), password));
      }}
    >
      <h1>{t('login.title')}</h1>
      <Field label={t('login.tenant')} name="tenant" value={slug} onChange={setSlug} error={form.errorFor('tenant')} autoComplete="organization" />
      <Field label={t('login.username')} name="username" value={user} onChange={setUser} error={form.errorFor('username')} autoComplete="username" required />
      <Field label={t('login.password')} name="password" type="password" value={password} onChange={setPassword} error={form.errorFor('password')} autoComplete="current-password" required />
      <FormError refusal={form.refusal} />
      <button type="submit" disabled={form.busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
