import { useMemo, useState } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { api, call } from '../api/client';
import type { Session } from '../api/session';
import { Chart, PALETTE } from '../parts/Chart';
import { useStores } from '../parts/stores';
import { Section, Select, useLoad } from '../parts/forms';
import { useI18n } from '../i18n';

type Bucket = {
  start: string; footfall?: number; newMembers?: number; returningMembers?: number; meanMood?: number | null;
  conversionNew?: { rate?: number | null }; conversionReturning?: { rate?: number | null };
};
type Quality = { index?: number | null; low?: number | null; high?: number | null; visits?: number };

/** The store's charts: footfall, new and returning members, conversion and mood, days in the store's own zone. */
export function Traffic({ session }: { session: Session }) {
  const { t, locale, format } = useI18n();
  const stores = useStores(session);
  const mine = stores.mine;
  const [chosen, setChosen] = useState('');
  const [days, setDays] = useState('7');
  const chainWide = session.stores.length === 0;
  // A chain-wide account starts with the whole chain ('' in the picker); a store-bound one with its first store.
  const store = chainWide && chosen === '' ? undefined : mine.find((s) => s.id === chosen) ?? mine[0];
  const to = useMemo(() => new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000), []);
  const from = new Date(to.getTime() - Number(days) * 86_400_000);
  const query = { from: from.toISOString(), to: to.toISOString(), by: 'day' as const };
  const report = useLoad(
    () => store
      ? call(() => api.GET('/api/v1/stores/{storeId}/traffic', { params: { path: { storeId: store.id! }, query } }))
      : chainWide ? call(() => api.GET('/api/v1/traffic', { params: { query } })) : Promise.resolve(undefined),
    [store?.id, days],
  );
  const buckets = ((report.data as { buckets?: Bucket[] } | undefined)?.buckets ?? []);
  const quality = (report.data as { serviceQuality?: Quality } | undefined)?.serviceQuality;
  const zone = (report.data as { zone?: string } | undefined)?.zone ?? store?.timezone ?? session.zone;
  const day = new Intl.DateTimeFormat(format, { month: 'short', day: 'numeric', timeZone: zone });
  const labels = buckets.map((b) => day.format(new Date(b.start)));
  const people = useMemo<ChartConfiguration>(() => ({
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: t('traffic.footfall'), data: buckets.map((b) => b.footfall ?? 0), backgroundColor: PALETTE[0] },
        { label: t('traffic.new'), data: buckets.map((b) => b.newMembers ?? 0), backgroundColor: PALETTE[2] },
        { label: t('traffic.returning'), data: buckets.map((b) => b.returningMembers ?? 0), backgroundColor: PALETTE[3] },
      ],
    },
  }), [report.data, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  const rates = useMemo<ChartConfiguration>(() => ({
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: `${t('traffic.conversion')} (${t('traffic.new')})`, data: buckets.map((b) => b.conversionNew?.rate ?? null) as number[], borderColor: PALETTE[2] },
        { label: `${t('traffic.conversion')} (${t('traffic.returning')})`, data: buckets.map((b) => b.conversionReturning?.rate ?? null) as number[], borderColor: PALETTE[3] },
        { label: t('traffic.mood'), data: buckets.map((b) => b.meanMood ?? null) as number[], borderColor: PALETTE[1] },
      ],
    },
    options: { scales: { y: { min: -1, max: 1 } } },
  }), [report.data, locale]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <>
      <h1>{t('nav.traffic')}</h1>
      <div className="row">
        <Select label={t('stores.store')} value={store?.id ?? ''} onChange={setChosen}
          options={[...(chainWide ? [['', t('traffic.chain')] as const] : []), ...mine.map((s) => [s.id!, s.name ?? s.id!] as const)]} />
        <Select label={t('traffic.period')} value={days} onChange={setDays} options={[['7', '7'], ['30', '30'], ['90', '90']] as const} />
      </div>
      {report.error && <p role="alert" className="error">{report.error}</p>}
      <Section title={t('traffic.footfall')}>
        <Chart config={people} label={t('traffic.footfall')} />
        <table className="figures">
          <thead><tr><th scope="col" />{labels.map((l, i) => <th scope="col" key={i}>{l}</th>)}</tr></thead>
          <tbody><tr><th scope="row">{t('traffic.footfall')}</th>{buckets.map((b, i) => <td key={i} data-testid="footfall">{b.footfall ?? 0}</td>)}</tr></tbody>
        </table>
      </Section>
      <Section title={`${t('traffic.conversion')} · ${t('traffic.mood')}`}>
        <Chart config={rates} label={`${t('traffic.conversion')} · ${t('traffic.mood')}`} />
        {quality?.index != null && (
          <p>Service quality {quality.index.toFixed(2)} [{quality.low?.toFixed(2)}, {quality.high?.toFixed(2)}] · n = {quality.visits}</p>
        )}
      </Section>
    </>
  );
}
