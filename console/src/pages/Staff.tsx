import { useState } from 'react';
import { api, call } from '../api/client';
import { Field, FormError, Section, useLoad, useSubmit } from '../parts/forms';
import { useI18n } from '../i18n';

const ROLES = ['TENANT_ADMIN', 'MARKETER', 'STORE_MANAGER', 'CASHIER'] as const;
type Role = (typeof ROLES)[number];

/** The tenant admin's staff accounts: roles, and the stores a manager or cashier works in. */
export function Staff() {
  const { t } = useI18n();
  const users = useLoad(() => call(() => api.GET('/api/v1/users', { params: { query: { limit: 200 } } })), []);
  const stores = useLoad(() => call(() => api.GET('/api/v1/stores', { params: { query: { limit: 200 } } })), []);
  const [draft, setDraft] = useState({ username: '', password: '', roles: [] as Role[], stores: [] as string[] });
  const form = useSubmit(['username', 'password', 'roles', 'stores']);
  const change = useSubmit([]);
  const [editing, setEditing] = useState<{ id: string; roles: Role[]; stores: string[] } | null>(null);
  const storeName = new Map((stores.data?.items ?? []).map((s) => [s.id!, s.name ?? s.code ?? s.id!]));
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

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
          <fieldset aria-describedby={form.errorFor('roles') ? 'roles-error' : undefined}>
            <legend>{t('staff.roles')}</legend>
            {ROLES.map((r) => (
              <label key={r} className="check">
                <input type="checkbox" checked={draft.roles.includes(r)} onChange={() => setDraft({ ...draft, roles: toggle(draft.roles, r) })} />
                {r}
              </label>
            ))}
            {form.errorFor('roles') && <span id="roles-error" role="alert" className="error">{form.errorFor('roles')}</span>}
          </fieldset>
          <fieldset>
            <legend>{t('staff.stores')}</legend>
            {(stores.data?.items ?? []).map((s) => (
              <label key={s.id} className="check">
                <input type="checkbox" checked={draft.stores.includes(s.id!)} onChange={() => setDraft({ ...draft, stores: toggle(draft.stores, s.id!) })} />
                {s.name}
              </label>
            ))}
            {form.errorFor('stores') && <span role="alert" className="error">{form.errorFor('stores')}</span>}
          </fieldset>
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
            <fieldset>
              <legend>{t('staff.roles')}</legend>
              {ROLES.map((r) => (
                <label key={r} className="check">
                  <input type="checkbox" checked={editing.roles.includes(r)} onChange={() => setEditing({ ...editing, roles: toggle(editing.roles, r) })} />
                  {r}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('staff.stores')}</legend>
              {(stores.data?.items ?? []).map((s) => (
                <label key={s.id} className="check">
                  <input type="checkbox" checked={editing.stores.includes(s.id!)} onChange={() => setEditing({ ...editing, stores: toggle(editing.stores, s.id!) })} />
                  {s.name}
                </label>
              ))}
            </fieldset>
            <button type="submit" disabled={change.busy}>{t('save')}</button>
            <button type="button" onClick={() => setEditing(null)}>{t('staff.cancel')}</button>
          </form>
        )}
      </Section>
    </>
  );
}
