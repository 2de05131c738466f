import { useState } from 'react';
import { api, call } from '../api/client';
import type { Session } from '../api/session';
import { useStores } from '../parts/stores';
import { Field, FormError, Section, Select, useLoad, useSubmit } from '../parts/forms';
import { useI18n } from '../i18n';

const KINDS = ['POS', 'KIOSK', 'APP', 'CAMERA'] as const;

/** Stores and their terminals; a new terminal's key is shown once. A store-bound manager sees their stores only. */
export function Stores({ session }: { session: Session }) {
  const { t } = useI18n();
  const admin = session.roles.includes('TENANT_ADMIN');
  const stores = useStores(session);
  const mine = stores.mine;
  const [draft, setDraft] = useState({ name: '', code: '', address: '' });
  const [chosen, setChosen] = useState('');
  const form = useSubmit(['name', 'code', 'address']);
  const store = chosen || mine[0]?.id || '';

  return (
    <>
      <h1>{t('nav.stores')}</h1>
      {admin && (
        <Section title={t('stores.open')}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void form.submit(async () => {
                const opened = await call(() => api.POST('/api/v1/stores', { body: { name: draft.name, code: draft.code, address: draft.address || undefined } }));
                setDraft({ name: '', code: '', address: '' });
                setChosen(opened.id ?? '');
                stores.reload();
              });
            }}
          >
            <div className="row">
              <Field label={t('name')} value={draft.name} onChange={(v) => setDraft({ ...draft, name: v })} error={form.errorFor('name')} required />
              <Field label={t('stores.code')} value={draft.code} onChange={(v) => setDraft({ ...draft, code: v })} error={form.errorFor('code')} required />
              <Field label={t('stores.address')} value={draft.address} onChange={(v) => setDraft({ ...draft, address: v })} error={form.errorFor('address')} />
            </div>
            <FormError refusal={form.refusal} />
            <button type="submit" disabled={form.busy}>{t('create')}</button>
          </form>
        </Section>
      )}
      {mine.length > 0 && (
        <Select label={t('stores.store')} value={store} onChange={setChosen} options={mine.map((s) => [s.id!, `${s.name} (${s.code})`] as const)} />
      )}
      {store && <Terminals store={store} key={store} />}
    </>
  );
}

function Terminals({ store }: { store: string }) {
  const { t } = useI18n();
  const terminals = useLoad(() => call(() => api.GET('/api/v1/stores/{id}/terminals', { params: { path: { id: store } } })), [store]);
  const [kind, setKind] = useState<(typeof KINDS)[number]>('POS');
  const [name, setName] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const form = useSubmit(['kind', 'name']);
  const list = terminals.data ?? [];

  return (
    <Section title={t('stores.terminals')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(async () => {
            const made = await call(() => api.POST('/api/v1/stores/{id}/terminals', { params: { path: { id: store } }, body: { kind, name } }));
            setKey(made.apiKey ?? null);
            setName('');
            terminals.reload();
          });
        }}
      >
        <div className="row">
          <Select label={t('stores.kind')} value={kind} onChange={(v) => setKind(v as (typeof KINDS)[number])} options={KINDS.map((k) => [k, k] as const)} />
          <Field label={t('name')} value={name} onChange={setName} error={form.errorFor('name')} required />
        </div>
        <FormError refusal={form.refusal} />
        <button type="submit" disabled={form.busy}>{t('stores.register')}</button>
      </form>
      {key && (
        <p className="once" role="status">
          {t('stores.keyOnce')} <code data-testid="api-key">{key}</code>
        </p>
      )}
      <table>
        <thead>
          <tr><th scope="col">{t('name')}</th><th scope="col">{t('stores.kind')}</th><th scope="col">Key</th><th scope="col">{t('status')}</th><th scope="col" /></tr>
        </thead>
        <tbody>
          {list.map((x) => (
            <tr key={x.id}>
              <td>{x.name}</td>
              <td>{x.kind}</td>
              <td><code>{x.keyPrefix}…</code></td>
              <td>{x.revokedAt ? t('stores.revoked') : ''}</td>
              <td>
                {!x.revokedAt && (
                  <button type="button" onClick={() => void form.submit(async () => {
                    await call(() => api.DELETE('/api/v1/stores/{id}/terminals/{terminalId}', { params: { path: { id: store, terminalId: x.id! } } }));
                    terminals.reload();
                  })}>{t('stores.revoke')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
