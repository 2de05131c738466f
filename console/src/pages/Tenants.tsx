import { useState } from 'react';
import { api, call } from '../api/client';
import { Field, FormError, Section, numberIn, useLoad, useSubmit } from '../parts/forms';
import { useI18n } from '../i18n';

/** The operator's page: onboard, suspend, resume and offboard (the slug typed again) the platform's tenants. */
export function Tenants() {
  const { t } = useI18n();
  const tenants = useLoad(() => call(() => api.GET('/api/v1/tenants', { params: { query: { limit: 200 } } })), []);
  const [draft, setDraft] = useState({ name: '', slug: '', currency: 'EUR', timezone: 'Europe/Berlin', admin: 'admin', password: '' });
  const form = useSubmit(['name', 'slug', 'currency', 'timezone', 'admin.username', 'admin.password']);
  const actions = useSubmit([]);
  const set = (k: keyof typeof draft) => (v: string) => setDraft({ ...draft, [k]: v });
  const [filter, setFilter] = useState('');
  const shown = (tenants.data?.items ?? []).filter((x) => {
    const f = filter.trim().toLowerCase();
    return !f || (x.name ?? '').toLowerCase().includes(f) || (x.slug ?? '').includes(f);
  });

  return (
    <>
      <h1>{t('nav.tenants')}</h1>
      <Section title={t('tenants.onboard')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void form.submit(async () => {
              await call(() =>
                api.POST('/api/v1/tenants', {
                  body: {
                    name: draft.name, slug: draft.slug, currency: draft.currency, timezone: draft.timezone,
                    admin: { username: draft.admin, password: draft.password },
                  },
                }),
              );
              setDraft({ ...draft, name: '', slug: '', password: '' });
              tenants.reload();
            });
          }}
        >
          <div className="row">
            <Field label={t('name')} value={draft.name} onChange={set('name')} error={form.errorFor('name')} required />
            <Field label={t('tenants.slug')} value={draft.slug} onChange={set('slug')} error={form.errorFor('slug')} required />
            <Field label={t('tenants.currency')} value={draft.currency} onChange={set('currency')} error={form.errorFor('currency')} />
            <Field label={t('tenants.zone')} value={draft.timezone} onChange={set('timezone')} error={form.errorFor('timezone')} />
            <Field label={t('tenants.admin')} value={draft.admin} onChange={set('admin')} error={form.errorFor('admin.username')} />
            <Field label={t('tenants.password')} type="password" value={draft.password} onChange={set('password')}
              error={form.errorFor('admin.password')} autoComplete="new-password" />
          </div>
          <FormError refusal={form.refusal} />
          <button type="submit" disabled={form.busy}>{t('create')}</button>
        </form>
      </Section>
      <Section title={t('nav.tenants')}>
        <Field label={t('tenants.filter')} value={filter} onChange={setFilter} />
        <p role="status">{t('tenants.shown', { shown: shown.length, all: tenants.data?.items?.length ?? 0 })}</p>
        <FormError refusal={actions.refusal} />
        <table>
          <thead>
            <tr><th scope="col">{t('name')}</th><th scope="col">{t('tenants.slug')}</th><th scope="col">{t('status')}</th><th scope="col">{t('tenants.limits')}</th><th scope="col" /></tr>
          </thead>
          <tbody>
            {shown.map((tenant) => (
              <tr key={tenant.id}>
                <td>{tenant.name}</td>
                <td>{tenant.slug}</td>
                <td>{tenant.status}</td>
                <td>{tenant.limits?.requestsPerSecond}/s, burst {tenant.limits?.burst}</td>
                <td>
                  {tenant.status === 'ACTIVE' && (
                    <button type="button" onClick={() => void actions.submit(async () => {
                      await call(() => api.POST('/api/v1/tenants/{id}/suspend', { params: { path: { id: tenant.id! } }, body: {} }));
                      tenants.reload();
                    })}>{t('tenants.suspend')}</button>
                  )}
                  {(tenant.status === 'ACTIVE' || tenant.status === 'SUSPENDED') && (
                    <button type="button" className="danger" onClick={() => void actions.submit(async () => {
                      // The slug typed again: offboarding erases the chain's data, so a slip of the mouse must not start it.
                      const typed = window.prompt(t('tenants.offboardConfirm', { slug: tenant.slug ?? '' }));
                      if (typed === null) return;
                      await call(() => api.POST('/api/v1/tenants/{id}/offboard', { params: { path: { id: tenant.id! } }, body: { confirmSlug: typed } }));
                      tenants.reload();
                    })}>{t('tenants.offboard')}</button>
                  )}
                  <button type="button" onClick={() => void actions.submit(async () => {
                    const typed = window.prompt(t('tenants.limitsPrompt'), String(tenant.limits?.requestsPerSecond ?? ''));
                    if (typed === null) return;
                    const perSecond = numberIn('limits', typed);
                    await call(() => api.PATCH('/api/v1/tenants/{id}', { params: { path: { id: tenant.id! } },
                      body: { limits: { ...tenant.limits, requestsPerSecond: perSecond, burst: Math.max(perSecond, tenant.limits?.burst ?? 0) } } as never }));
                    tenants.reload();
                  })}>{t('tenants.limits')}</button>
                  {tenant.status === 'SUSPENDED' && (
                    <button type="button" onClick={() => void actions.submit(async () => {
                      await call(() => api.POST('/api/v1/tenants/{id}/resume', { params: { path: { id: tenant.id! } } }));
                      tenants.reload();
                    })}>{t('tenants.resume')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}
