import { useState } from 'react';
import { api, call } from '../api/client';
import { useStores } from '../parts/stores';
import { Checks, Field, FormError, Section, useLoad, useSubmit } from '../parts/forms';
import { useI18n } from '../i18n';

const ROLES = ['TENANT_ADMIN', 'MARKETER', 'STORE_MANAGER', 'CASHIER'] as const;
type Role = (typeof ROLES)[number];

/** The tenant admin's staff accounts: roles, and the stores a manager or cashier works in. */
export function Staff() {
  const { t } = useI18n();
  const users = useLoad(() => call(() => api.GET('/api/v1/users', { params: { query: { limit: 200 } } })), []);
  const stores = useStores();
  const [draft, setDraft] = useState({ username: '', password: '', roles: [] as Role[], stores: [] as string[] });
  const form = useSubmit(['username', 'password', 'roles', 'stores']);
  const change = useSubmit([]);
  const [editing, setEditing] = useState<{ id: string; roles: Role[]; stores: string[] } | null>(null);
  const storeName = new Map(stores.all.map((s) => [s.id!, s.name ?? s.code ?? s.id!]));

  return (
    <>
      <h1>{t('nav.staff')}</h1>
      <Section title={t('staff.add')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void form.submit(async () => {
              await call(() => api.POST('/api/v1/users', { body: draft }));
              setDraft({ username: '', password: '', roles: [], stores: [] });
              users.reload();
            });
          }}
        >
          <div className="row">
            <Field label={t('staff.username')} value={draft.username} onChange={(v) => setDraft({ ...draft, username: v })} error={form.errorFor('username')} required />
            <Field label={t('staff.password')} type="password" autoComplete="new-password" value={draft.password}
              onChange={(v) => setDraft({ ...draft, password: v })} error={form.errorFor('password')} required />
          </div>
          <Checks legend={t('staff.roles')} options={ROLES.map((r) => [r, r] as const)} chosen={draft.roles}
            onChange={(roles) => setDraft({ ...draft, roles: roles as Role[] })} error={form.errorFor('roles')} />
          <Checks legend={t('staff.stores')} options={stores.all.map((x) => [x.id!, x.name ?? x.id!] as const)} chosen={draft.stores}
            onChange={(chosen) => setDraft({ ...draft, stores: chosen })} error={form.errorFor('stores')} />
          <FormError refusal={form.refusal} />
          <button type="submit" disabled={form.busy}>{t('create')}</button>
        </form>
      </Section>
      <Section title={t('nav.staff')}>
        <FormError refusal={change.refusal} />
        <table>
          <thead>
            <tr><th scope="col">{t('staff.username')}</th><th scope="col">{t('staff.roles')}</th><th scope="col">{t('staff.stores')}</th><th scope="col">{t('status')}</th><th scope="col" /></tr>
          </thead>
          <tbody>
            {(users.data?.items ?? []).map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{(u.roles ?? []).join(', ')}</td>
                <td>{(u.stores ?? []).map((s) => storeName.get(s) ?? s).join(', ') || '—'}</td>
                <td>{u.active ? '✓' : t('staff.inactive')}</td>
                <td>
                  {u.active && (
                    <>
                      <button type="button" onClick={() => setEditing({ id: u.id!, roles: [...(u.roles ?? [])] as Role[], stores: [...(u.stores ?? [])] })}>
                        {t('staff.edit')}
                      </button>
                      <button type="button" className="danger" onClick={() => void change.submit(async () => {
                        if (!window.confirm(t('staff.deactivateConfirm', { who: u.username ?? '' }))) return;
                        await call(() => api.DELETE('/api/v1/users/{id}', { params: { path: { id: u.id! } } }));
                        users.reload();
                      })}>{t('staff.deactivate')}</button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {editing && (
          <form aria-label={t('staff.edit')} onSubmit={(e) => {
            e.preventDefault();
            void change.submit(async () => {
              await call(() => api.PATCH('/api/v1/users/{id}', { params: { path: { id: editing.id } }, body: { roles: editing.roles, stores: editing.stores } }));
              setEditing(null);
              users.reload();
            });
          }}>
            <Checks legend={t('staff.roles')} options={ROLES.map((r) => [r, r] as const)} chosen={editing.roles}
              onChange={(roles) => setEditing({ ...editing, roles: roles as Role[] })} />
            <Checks legend={t('staff.stores')} options={stores.all.map((x) => [x.id!, x.name ?? x.id!] as const)} chosen={editing.stores}
              onChange={(chosen) => setEditing({ ...editing, stores: chosen })} />
            <button type="submit" disabled={change.busy}>{t('save')}</button>
            <button type="button" onClick={() => setEditing(null)}>{t('staff.cancel')}</button>
          </form>
        )}
      </Section>
    </>
  );
}
