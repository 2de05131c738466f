import { useMemo, useState } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { api, call } from '../api/client';
import { Chart, PALETTE } from '../parts/Chart';
import { Field, FormError, Section, Select, numberIn, useLoad, useSubmit } from '../parts/forms';
import { LOCALES, useI18n } from '../i18n';

const CHANNELS = ['PREFERRED', 'WECHAT', 'TELEGRAM'] as const;

type Draft = {
  name: string; segmentId: string; channel: (typeof CHANNELS)[number]; message: Record<string, string>;
  coupon: string; couponValue: string; holdout: string; perMember: string;
};

const EMPTY: Draft = { name: '', segmentId: '', channel: 'PREFERRED', message: { '': '' }, coupon: '', couponValue: '', holdout: '0.1', perMember: '1' };

/** What a member would read: the platform fills {name} and {coupon} per member. */
export function preview(template: string, name: string, coupon: string): string {
  return template.replace(/\{name\}/g, name).replace(/\{coupon\}/g, coupon);
}

export function Campaigns({ currency, zone }: { currency?: string; zone?: string }) {
  const { t } = useI18n();
  // The draft lives in this page's state: a re-login over the page keeps it.
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [shown, setShown] = useState<{ id: string; asked: number } | null>(null);
  const segments = useLoad(() => call(() => api.GET('/api/v1/segments')), []);
  const campaigns = useLoad(() => call(() => api.GET('/api/v1/campaigns')), []);
  const form = useSubmit(['name', 'segmentId', 'channel', 'message', 'offer', 'holdoutShare', 'limits']);
  const actions = useSubmit(['at']);
  const [at, setAt] = useState('');
  const [status, setStatus] = useState<Record<string, string>>({});
  const segmentList = (Array.isArray(segments.data) ? segments.data : (segments.data as { items?: { id?: string; name?: string }[] })?.items) ?? [];
  const list = (campaigns.data as { items?: { id?: string; status?: string; spec?: { name?: string }; recipients?: number }[] })?.items ?? [];

  async function create() {
    const message = Object.fromEntries(Object.entries(draft.message).filter(([k, v]) => k === '' || v.trim()));
    const body: Record<string, unknown> = {
      name: draft.name, segmentId: draft.segmentId || undefined, channel: draft.channel, message,
      holdoutShare: numberIn('holdoutShare', draft.holdout), limits: { perMember: numberIn('limits', draft.perMember) },
    };
    if (draft.coupon.trim()) {
      body.offer = { kind: 'COUPON', title: draft.coupon, value: numberIn('offer', draft.couponValue), codes: 'UNIQUE', pattern: { prefix: 'FC-', length: 8 } };
    }
    const made = await call(() => api.POST('/api/v1/campaigns', { body: body as never }));
    setDraft(EMPTY);
    setShown(made.id ? { id: made.id, asked: Date.now() } : null);
    campaigns.reload();
  }

  return (
    <>
      <h1>{t('nav.campaigns')}</h1>
      <Section title={t('campaigns.new')}>
        <form onSubmit={(e) => { e.preventDefault(); void form.submit(create); }}>
          <div className="row">
            <Field label={t('name')} value={draft.name} onChange={(v) => setDraft({ ...draft, name: v })} error={form.errorFor('name')} required />
            <Select label={t('campaigns.segment')} value={draft.segmentId} onChange={(v) => setDraft({ ...draft, segmentId: v })}
              options={[['', '—'] as const, ...segmentList.map((s) => [s.id!, s.name ?? s.id!] as const)]} error={form.errorFor('segmentId')} />
            <Select label={t('campaigns.channel')} value={draft.channel} onChange={(v) => setDraft({ ...draft, channel: v as Draft['channel'] })}
              options={CHANNELS.map((c) => [c, c] as const)} />
          </div>
          {(['', ...LOCALES.filter((l) => l !== 'en')] as string[]).map((locale) => (
            <Field key={locale} label={locale ? t('campaigns.messageIn', { locale: locale.toUpperCase() }) : t('campaigns.message')} value={draft.message[locale] ?? ''}
              onChange={(v) => setDraft({ ...draft, message: { ...draft.message, [locale]: v } })} error={locale === '' ? form.errorFor('message') : undefined} />
          ))}
          <div className="preview" aria-live="polite">
            <span>{t('campaigns.preview')}:</span>
            <blockquote data-testid="message-preview">{preview(draft.message[''] ?? '', 'Anna', draft.coupon ? 'FC-7Q2K9XWD' : '')}</blockquote>
          </div>
          <div className="row">
            <Field label={t('campaigns.coupon')} value={draft.coupon} onChange={(v) => setDraft({ ...draft, coupon: v })} error={form.errorFor('offer')} />
            <Field label={t('campaigns.couponValue')} value={draft.couponValue} onChange={(v) => setDraft({ ...draft, couponValue: v })} />
            <Field label={t('campaigns.holdout')} value={draft.holdout} onChange={(v) => setDraft({ ...draft, holdout: v })} error={form.errorFor('holdoutShare')} />
            <Field label={t('campaigns.perMember')} value={draft.perMember} onChange={(v) => setDraft({ ...draft, perMember: v })} error={form.errorFor('limits')} />
          </div>
          <FormError refusal={form.refusal} />
          <button type="submit" disabled={form.busy}>{t('create')}</button>
        </form>
      </Section>
      <Section title={t('campaigns.list')}>
        <FormError refusal={actions.refusal} />
        <table>
          <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('status')}</th><th scope="col" /></tr></thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id}>
                <td>{c.spec?.name ?? c.id}</td>
                <td data-testid="campaign-status">{order(status[c.id!], c.status)}</td>
                <td>
                  {order(status[c.id!], c.status) === 'DRAFT' && (
                    <>
                      <button type="button" onClick={() => void actions.submit(async () => {
                        const started = await call(() => api.POST('/api/v1/campaigns/{id}/start', { params: { path: { id: c.id! } } }));
                        setStatus({ ...status, [c.id!]: started.status ?? 'RUNNING' });
                        campaigns.reload();
                      })}>{t('campaigns.start')}</button>
                      <button type="button" disabled={!at} onClick={() => void actions.submit(async () => {
                        // A local date-time without an offset: the platform reads it in the tenant's zone, as shown.
                        const scheduled = await call(() => api.POST('/api/v1/campaigns/{id}/schedule', { params: { path: { id: c.id! } }, body: { at } }));
                        // The list is a read model a moment behind the command: show the answer's status at once.
                        setStatus({ ...status, [c.id!]: scheduled.status ?? 'SCHEDULED' });
                        campaigns.reload();
                      })}>{t('campaigns.schedule')}</button>
                    </>
                  )}
                  <button type="button" onClick={() => setShown({ id: c.id!, asked: Date.now() })}>{t('campaigns.results')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Field label={t('campaigns.at', { zone: zone ?? 'UTC' })} type="datetime-local" value={at} onChange={setAt} error={actions.errorFor('at')} />
        <button type="button" onClick={() => campaigns.reload()}>{t('refresh')}</button>
      </Section>
      {shown && <Results id={shown.id} key={`${shown.id}-${shown.asked}`} currency={currency} />}
    </>
  );
}

const STAGES = ['DRAFT', 'SCHEDULED', 'RUNNING', 'COMPLETED', 'CANCELLED'];

/** The later of what the command answered and what the list read: a stale list never moves a campaign back. */
function order(answered: string | undefined, listed: string | undefined): string | undefined {
  if (!answered) return listed;
  if (!listed) return answered;
  return STAGES.indexOf(answered) > STAGES.indexOf(listed) ? answered : listed;
}

type Results = {
  recipients?: number; holdout?: number; offers?: { discount?: number }; sent?: number; delivered?: number; failed?: number; redeemed?: number; blocked?: Record<string, number>;
  treatedConversion?: number; controlConversion?: number; uplift?: { conversionDifference?: number; conversionInterval?: number[] };
};

function Results({ id, currency }: { id: string; currency?: string }) {
  const { t, format } = useI18n();
  const results = useLoad(() => call(() => api.GET('/api/v1/campaigns/{id}/results', { params: { path: { id } } })) as Promise<Results>, [id]);
  const r = results.data;
  const blocked = r ? Object.values(r.blocked ?? {}).reduce((a, b) => a + b, 0) : 0;
  const percent = new Intl.NumberFormat(format, { style: 'percent', maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(format, currency ? { style: 'currency', currency } : { maximumFractionDigits: 2 });
  const counts = useMemo<ChartConfiguration | null>(() => r ? {
    type: 'bar',
    data: {
      labels: [t('campaigns.sent'), t('campaigns.delivered'), t('campaigns.blocked'), t('campaigns.redeemed')],
      datasets: [{ label: t('campaigns.results'), data: [r.sent ?? 0, r.delivered ?? 0, blocked, r.redeemed ?? 0], backgroundColor: PALETTE[0] }],
    },
  } : null, [r, blocked, t]);
  const interval = r?.uplift?.conversionInterval ?? [];
  const uplift = useMemo<ChartConfiguration | null>(() => interval.length === 2 ? {
    type: 'bar',
    data: {
      labels: [t('campaigns.uplift')],
      datasets: [{ label: t('campaigns.uplift'), data: [[interval[0] * 100, interval[1] * 100]] as unknown as number[], backgroundColor: PALETTE[2] }],
    },
    options: { indexAxis: 'y', scales: { x: { title: { display: true, text: 'percentage points' } } } },
  } : null, [interval, t]);

  return (
    <Section title={t('campaigns.results')}>
      {results.error && <p role="alert" className="error">{results.error}</p>}
      {r && (
        <>
          <table data-testid="results-table">
            <tbody>
              <tr><th scope="row">{t('campaigns.recipients')}</th><td>{r.recipients ?? 0} ({t('campaigns.heldOut')}: {r.holdout ?? 0})</td></tr>
              <tr><th scope="row">{t('campaigns.sent')}</th><td>{r.sent ?? 0}</td></tr>
              <tr><th scope="row">{t('campaigns.delivered')}</th><td>{r.delivered ?? 0}</td></tr>
              <tr><th scope="row">{t('campaigns.blocked')}</th><td>{blocked} {Object.entries(r.blocked ?? {}).map(([why, n]) => `${why}: ${n}`).join(', ')}</td></tr>
              <tr><th scope="row">{t('campaigns.redeemed')}</th><td>{r.redeemed ?? 0} · {t('campaigns.discount')}: {money.format(r.offers?.discount ?? 0)}</td></tr>
              {r.uplift?.conversionDifference !== undefined && (
                <tr><th scope="row">{t('campaigns.uplift')}</th><td>{percent.format(r.uplift.conversionDifference)}{interval.length === 2 && ` [${percent.format(interval[0])}, ${percent.format(interval[1])}]`}</td></tr>
              )}
            </tbody>
          </table>
          {counts && <Chart config={counts} label={t('campaigns.results')} />}
          {uplift && <Chart config={uplift} label={t('campaigns.uplift')} />}
          <button type="button" onClick={() => results.reload()}>{t('refresh')}</button>
        </>
      )}
    </Section>
  );
}
