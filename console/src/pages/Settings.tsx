import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import { Field, FormError, Section, Select, numberIn, useLoad, useSubmit } from '../parts/forms';
import { useI18n } from '../i18n';

/** The tenant admin's settings: face thresholds with what they are expected to let through, and provider accounts. */
export function Settings() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('nav.settings')}</h1>
      <FaceSettings />
      <Accounts kind="payment" />
      <Accounts kind="messenger" />
    </>
  );
}

type Effective = { matchThreshold?: number; confidentThreshold?: number; expectedFalseAcceptsPer10k?: number; expectedStepUpsPer10k?: number; templates?: number };
type Face = { matchThreshold?: number; falseAcceptsPer10k?: number; minFacePixels?: number; effective?: Effective; [other: string]: unknown };

function FaceSettings() {
  const { t, format } = useI18n();
  const current = useLoad(() => call(() => api.GET('/api/v1/face-settings')) as Promise<Face>, []);
  const [draft, setDraft] = useState({ matchThreshold: '', falseAcceptsPer10k: '', minFacePixels: '' });
  const form = useSubmit(['matchThreshold', 'falseAcceptsPer10k', 'minFacePixels']);
  useEffect(() => {
    const f = current.data;
    if (f) setDraft({ matchThreshold: String(f.matchThreshold ?? ''), falseAcceptsPer10k: String(f.falseAcceptsPer10k ?? ''), minFacePixels: String(f.minFacePixels ?? '') });
  }, [current.data]);
  const e = current.data?.effective;
  const n = new Intl.NumberFormat(format, { maximumFractionDigits: 3 });
  return (
    <Section title={t('settings.faces')}>
      {!current.data && !current.error && <p role="status">…</p>}
      {current.data && <form onSubmit={(ev) => {
        ev.preventDefault();
        void form.submit(async () => {
          // PUT replaces the settings: the ones this form does not show are sent back as they are. Numbers go as
          // numbers (the platform refuses "0.4" as a string); a blank or a typo is refused next to its field before anything is sent.
          const { effective: _shown, ...kept } = current.data ?? {};
          await call(() => api.PUT('/api/v1/face-settings', { body: {
            ...kept, matchThreshold: numberIn('matchThreshold', draft.matchThreshold),
            falseAcceptsPer10k: numberIn('falseAcceptsPer10k', draft.falseAcceptsPer10k), minFacePixels: numberIn('minFacePixels', draft.minFacePixels),
          } as never }));
          current.reload();
        });
      }}>
        <div className="row">
          <Field label={t('settings.matchThreshold')} value={draft.matchThreshold} onChange={(v) => setDraft({ ...draft, matchThreshold: v })} error={form.errorFor('matchThreshold')} />
          <Field label={t('settings.falseAccepts')} value={draft.falseAcceptsPer10k} onChange={(v) => setDraft({ ...draft, falseAcceptsPer10k: v })} error={form.errorFor('falseAcceptsPer10k')} />
          <Field label={t('settings.minFace')} value={draft.minFacePixels} onChange={(v) => setDraft({ ...draft, minFacePixels: v })} error={form.errorFor('minFacePixels')} />
        </div>
        <FormError refusal={form.refusal} />
        <button type="submit" disabled={form.busy}>{t('save')}</button>
      </form>}
      {e && (
        <p data-testid="expected">
          {t('settings.effective', {
            match: n.format(e.matchThreshold ?? 0), confident: n.format(e.confidentThreshold ?? 0),
            fa: n.format(e.expectedFalseAcceptsPer10k ?? 0), stepUps: n.format(e.expectedStepUpsPer10k ?? 0), templates: e.templates ?? 0,
          })}
        </p>
      )}
    </Section>
  );
}

const PROVIDERS = { payment: ['STRIPE', 'WECHAT_PAY', 'ALIPAY'], messenger: ['TELEGRAM', 'WECHAT_OA'] } as const;
type Account = { settings?: Record<string, string>; secrets?: Record<string, string>; webhookPath?: string; updatedAt?: string };

/** A provider account: names and values typed in; secrets are write-only (only their fingerprints come back). */
function Accounts({ kind }: { kind: 'payment' | 'messenger' }) {
  const { t } = useI18n();
  const [which, setWhich] = useState<string>(PROVIDERS[kind][0]);
  const get = () => (kind === 'payment'
    ? call(() => api.GET('/api/v1/payment-providers/{provider}', { params: { path: { provider: which as 'STRIPE' } } }))
    : call(() => api.GET('/api/v1/messenger-accounts/{kind}', { params: { path: { kind: which as 'TELEGRAM' } } })));
  const account = useLoad(() => get().catch(() => null) as Promise<Account | null>, [which]);
  const [rows, setRows] = useState([{ name: '', value: '' }]);
  const form = useSubmit([]);
  async function save(body: Record<string, unknown>) {
    if (kind === 'payment') await call(() => api.PUT('/api/v1/payment-providers/{provider}', { params: { path: { provider: which as 'STRIPE' } }, body: body as never }));
    else await call(() => api.PUT('/api/v1/messenger-accounts/{kind}', { params: { path: { kind: which as 'TELEGRAM' } }, body: body as never }));
    setRows([{ name: '', value: '' }]);
    account.reload();
  }
  const a = account.data;
  return (
    <Section title={kind === 'payment' ? t('settings.payments') : t('settings.messengers')}>
      <Select label={t('settings.provider')} value={which} onChange={setWhich} options={PROVIDERS[kind].map((p) => [p, p] as const)} />
      {a ? (
        <ul data-testid={`${kind}-account`}>
          {Object.entries(a.settings ?? {}).map(([k, v]) => <li key={k}>{k}: {v}</li>)}
          {Object.entries(a.secrets ?? {}).map(([k, v]) => <li key={k}>{k}: <code>{v}</code></li>)}
        </ul>
      ) : <p>{t('settings.none')}</p>}
      <form onSubmit={(e) => {
        e.preventDefault();
        void form.submit(() => save(Object.fromEntries(rows.filter((r) => r.name.trim()).map((r) => [r.name.trim(), r.value]))));
      }}>
        {rows.map((r, i) => (
          <div className="row" key={i}>
            <Field label={t('settings.key')} value={r.name} onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, name: v } : x)))} />
            <Field label={t('settings.value')} type="password" autoComplete="off" value={r.value} onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, value: v } : x)))} />
          </div>
        ))}
        <button type="button" aria-label={t('settings.addRow')} onClick={() => setRows([...rows, { name: '', value: '' }])}>+</button>
        <FormError refusal={form.refusal} />
        <button type="submit" disabled={form.busy}>{t('save')}</button>
        <button type="button" disabled={form.busy} onClick={() => void form.submit(() => save({ sandbox: true }))}>{t('settings.sandbox')}</button>
      </form>
    </Section>
  );
}
