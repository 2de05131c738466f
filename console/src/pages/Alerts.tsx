import { useEffect, useState } from 'react';
import { api, call, currentToken } from '../api/client';
import { eventParser } from '../api/events';
import type { Session } from '../api/session';
import { FormError, Section, Select, useSubmit } from '../parts/forms';
import { useStores } from '../parts/stores';
import { useI18n } from '../i18n';

type Alert = { id: number; storeId: string; kind: string; label?: string; score?: number | null; capturedAt: string; acknowledgedBy?: string | null };

/** The store manager's live feed: Server-Sent Events read with fetch (a bearer header), resumed with Last-Event-ID. */
export function Alerts({ session }: { session: Session }) {
  const { t, format } = useI18n();
  const stores = useStores(session);
  const mine = stores.mine;
  const [store, setStore] = useState('');
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [connected, setConnected] = useState(false);
  const ack = useSubmit([]);
  const zone = new Map(mine.map((s) => [s.id!, s.timezone ?? session.zone]));
  const name = new Map(mine.map((s) => [s.id!, s.name ?? s.id!]));

  useEffect(() => {
    const stop = new AbortController();
    let last: string | undefined;
    setAlerts([]);
    async function follow() {
      const recent = await call(() => api.GET('/api/v1/alerts', { params: { query: store ? { storeId: store } : {} } }));
      const items = ((recent as { items?: Alert[] }).items ?? []).slice(-50);
      setAlerts(items.reverse());
      last = items.length ? String(items[0].id) : undefined;
      for (let attempt = 0; !stop.signal.aborted; attempt++) {
        try {
          const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${currentToken()}` };
          if (last) headers['Last-Event-ID'] = last;
          const response = await fetch(`/api/v1/alerts/stream${store ? `?storeId=${store}` : ''}`, { headers, signal: stop.signal });
          if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
          setConnected(true);
          attempt = 0;
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          const feed = eventParser((e) => {
            last = e.id ?? last;
            const alert = JSON.parse(e.data) as Alert;
            setAlerts((list) => (list.some((a) => a.id === alert.id) ? list : [alert, ...list]));
          });
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            feed(value);
          }
        } catch {
          if (stop.signal.aborted) return;
        }
        setConnected(false);
        await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** attempt)));
      }
    }
    void follow().catch(() => setConnected(false));
    return () => stop.abort();
  }, [store]);

  const time = (a: Alert) =>
    new Intl.DateTimeFormat(format, { dateStyle: 'short', timeStyle: 'medium', timeZone: zone.get(a.storeId) }).format(new Date(a.capturedAt));

  return (
    <>
      <h1>{t('alerts.live')}</h1>
      <p role="status" className={connected ? 'ok' : 'warn'}>{connected ? t('alerts.connected') : t('alerts.reconnecting')}</p>
      <Select label={t('stores.store')} value={store} onChange={setStore}
        options={[...(session.stores.length === 0 ? [['', '—'] as const] : []), ...mine.map((s) => [s.id!, s.name ?? s.id!] as const)]} />
      <Section title={t('nav.alerts')}>
        <FormError refusal={ack.refusal} />
        {alerts.length === 0 && <p>{t('alerts.none')}</p>}
        <ul className="alerts" aria-live="polite">
          {alerts.map((a) => (
            <li key={a.id} className={`alert ${a.kind.toLowerCase()}`} data-testid="alert">
              <strong>{a.kind}</strong> {a.label} · {name.get(a.storeId) ?? ''} · <time dateTime={a.capturedAt}>{time(a)}</time>
              {a.acknowledgedBy ? (
                <span className="acked"> — {t('alerts.acked', { who: a.acknowledgedBy })}</span>
              ) : (
                <button type="button" onClick={() => void ack.submit(async () => {
                  const done = (await call(() => api.POST('/api/v1/alerts/{alertId}/acknowledgement', { params: { path: { alertId: a.id } } }))) as Alert;
                  setAlerts((list) => list.map((x) => (x.id === a.id ? done : x)));
                })}>{t('alerts.ack')}</button>
              )}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
