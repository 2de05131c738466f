import { useState } from 'react';
import { api, call } from '../api/client';
import { Checks, Field, FormError, Section, useLoad, useSubmit } from '../parts/forms';
import { useI18n } from '../i18n';

export const EVENTS = ['member.registered', 'member.changed', 'member.erased', 'consent.changed', 'checkout.completed', 'points.changed',
  'offer.redeemed', 'visit.started', 'alert.raised'] as const;
type EventType = (typeof EVENTS)[number];

/**
 * The tenant's CRM webhooks: register (the secret is shown once), rotate, enable or disable, test, delete; a disabled
 * endpoint says why at the top; each endpoint's delivery log with the receiver's last answer and replay.
 */
export function Webhooks() {
  const { t, format } = useI18n();
  const endpoints = useLoad(() => call(() => api.GET('/api/v1/crm/webhooks')), []);
  const [draft, setDraft] = useState<{ url: string; events: string[]; personalData: boolean; description: string }>(
    { url: '', events: ['member.registered', 'checkout.completed'], personalData: false, description: '' });
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const form = useSubmit(['url', 'events', 'description']);
  const act = useSubmit([]);
  const list = endpoints.data?.items ?? [];
  const disabled = list.filter((e) => e.status === 'DISABLED');

  return (
    <>
      <h1>{t('nav.webhooks')}</h1>
      {disabled.map((e) => (
        <p key={e.id} role="alert" className="error">{t('webhooks.disabledBanner', { url: e.url ?? '', reason: e.disabledReason ?? '' })}</p>
      ))}
      <Section title={t('webhooks.register')}>
        <form onSubmit={(ev) => {
          ev.preventDefault();
          void form.submit(async () => {
            const made = await call(() => api.POST('/api/v1/crm/webhooks', { body: { url: draft.url, events: draft.events as EventType[],
              personalData: draft.personalData, description: draft.description || undefined } }));
            setSecret(made.secret ?? null);
            setDraft({ ...draft, url: '', description: '' });
            endpoints.reload();
          });
        }}>
          <Field label={t('webhooks.url')} value={draft.url} onChange={(v) => setDraft({ ...draft, url: v })} error={form.errorFor('url')} required />
          <Field label={t('webhooks.description')} value={draft.description} onChange={(v) => setDraft({ ...draft, description: v })}
            error={form.errorFor('description')} />
          <Checks legend={t('webhooks.events')} options={EVENTS.map((e) => [e, e] as const)} chosen={draft.events}
            onChange={(events) => setDraft({ ...draft, events })} error={form.errorFor('events')} />
          <label className="check">
            <input type="checkbox" checked={draft.personalData} onChange={(e) => setDraft({ ...draft, personalData: e.target.checked })} />
            {t('webhooks.personalData')}
          </label>
          <FormError refusal={form.refusal} />
          <button type="submit" disabled={form.busy}>{t('create')}</button>
        </form>
        {secret && (
          <p className="once" role="status">{t('webhooks.secretOnce')} <code data-testid="webhook-secret">{secret}</code></p>
        )}
      </Section>
      <FormError refusal={act.refusal} />
      <table>
        <thead>
          <tr><th scope="col">{t('webhooks.url')}</th><th scope="col">{t('webhooks.events')}</th><th scope="col">{t('status')}</th>
            <th scope="col">{t('webhooks.counts')}</th><th scope="col" /></tr>
        </thead>
        <tbody>
          {list.map((e) => (
            <tr key={e.id}>
              <td><code>{e.url}</code>{e.personalData ? ` · ${t('webhooks.withPersonalData')}` : ''}</td>
              <td>{(e.events ?? []).join(', ')}</td>
              <td>{e.status}</td>
              <td>{Object.entries(e.deliveries ?? {}).filter(([, n]) => n).map(([s, n]) => `${s} ${n}`).join(' · ')}</td>
              <td className="actions">
                <button type="button" onClick={() => setOpen(open === e.id ? null : e.id!)}>{t('webhooks.log')}</button>
                {e.status === 'ACTIVE' && <button type="button" onClick={() => void act.submit(async () => {
                  await call(() => api.POST('/api/v1/crm/webhooks/{id}/ping', { params: { path: { id: e.id! } } }));
                  setOpen(e.id!);
                  endpoints.reload();
                })}>{t('webhooks.ping')}</button>}
                <button type="button" onClick={() => void act.submit(async () => {
                  await call(() => api.PATCH('/api/v1/crm/webhooks/{id}', { params: { path: { id: e.id! } }, body: { enabled: e.status !== 'ACTIVE' } }));
                  endpoints.reload();
                })}>{e.status === 'ACTIVE' ? t('webhooks.disable') : t('webhooks.enable')}</button>
                <button type="button" onClick={() => void act.submit(async () => {
                  const rotated = await call(() => api.POST('/api/v1/crm/webhooks/{id}/secret', { params: { path: { id: e.id! } }, body: { overlapHours: 24 } }));
                  setSecret(rotated.secret ?? null);
                  endpoints.reload();
                })}>{t('webhooks.rotate')}</button>
                <button type="button" className="danger" onClick={() => void act.submit(async () => {
                  if (!window.confirm(t('webhooks.deleteConfirm', { url: e.url ?? '' }))) return;
                  await call(() => api.DELETE('/api/v1/crm/webhooks/{id}', { params: { path: { id: e.id! } } }));
                  endpoints.reload();
                })}>{t('webhooks.delete')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <Deliveries endpoint={open} key={open} format={format} />}
    </>
  );
}

function Deliveries({ endpoint, format }: { endpoint: string; format: string }) {
  const { t } = useI18n();
  const log = useLoad(() => call(() => api.GET('/api/v1/crm/webhooks/{id}/deliveries', { params: { path: { id: endpoint }, query: { limit: 50 } } })),
    [endpoint]);
  const act = useSubmit([]);
  const when = (at?: string | null) => (at ? new Date(at).toLocaleString(format) : '');
  return (
    <Section title={t('webhooks.log')}>
      <button type="button" onClick={log.reload}>{t('webhooks.refresh')}</button>
      <FormError refusal={act.refusal} />
      <table>
        <thead>
          <tr><th scope="col">{t('webhooks.event')}</th><th scope="col">{t('status')}</th><th scope="col">{t('webhooks.attempts')}</th>
            <th scope="col">{t('webhooks.answer')}</th><th scope="col">{t('webhooks.when')}</th><th scope="col" /></tr>
        </thead>
        <tbody>
          {(log.data?.items ?? []).map((d) => (
            <tr key={d.id}>
              <td>{d.type}</td>
              <td>{d.status}</td>
              <td>{d.attempts}</td>
              <td>{d.lastStatus ?? ''} {d.lastError ?? ''}</td>
              <td>{when(d.deliveredAt ?? d.lastAttemptAt ?? d.createdAt)}{d.nextAttemptAt ? ` → ${when(d.nextAttemptAt)}` : ''}</td>
              <td>{(d.status === 'DELIVERED' || d.status === 'FAILED') && <button type="button" onClick={() => void act.submit(async () => {
                await call(() => api.POST('/api/v1/crm/webhooks/{id}/deliveries/{deliveryId}/replay', { params: { path: { id: endpoint, deliveryId: d.id! } } }));
                log.reload();
              })}>{t('webhooks.replay')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
