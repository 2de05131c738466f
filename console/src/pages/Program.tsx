import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import { Field, FormError, Section, numberIn, useLoad, useSubmit } from '../parts/forms';
import { useI18n } from '../i18n';

type Tier = { name: string; minSpend: string; multiplier: string };
type Program = { pointsPerCurrencyUnit?: number; pointValue?: number; maxRedeemShare?: number; tiers?: { name?: string; minSpend?: number; multiplier?: number }[];
  [other: string]: unknown };

/** The loyalty programme: earning, the value of a point, how much of a basket points may pay, and the tiers. */
export function ProgramPage({ currency }: { currency?: string }) {
  const { t, format } = useI18n();
  const program = useLoad(() => call(() => api.GET('/api/v1/loyalty/program')).catch(() => null) as Promise<Program | null>, []);
  const [draft, setDraft] = useState({ earn: '1', value: '0.01', share: '0.5' });
  const [tiers, setTiers] = useState<Tier[]>([]);
  const form = useSubmit(['pointsPerCurrencyUnit', 'pointValue', 'maxRedeemShare', 'tiers']);
  useEffect(() => {
    const p = program.data;
    if (!p) return;
    setDraft({ earn: String(p.pointsPerCurrencyUnit ?? ''), value: String(p.pointValue ?? ''), share: String(p.maxRedeemShare ?? '') });
    setTiers((p.tiers ?? []).map((x) => ({ name: x.name ?? '', minSpend: String(x.minSpend ?? ''), multiplier: String(x.multiplier ?? '') })));
  }, [program.data]);
  const money = new Intl.NumberFormat(format, currency ? { style: 'currency', currency, maximumFractionDigits: 4 } : {});
  const value = Number(draft.value);
  return (
    <>
      <h1>{t('nav.program')}</h1>
      {program.data === undefined && !program.error && <p role="status">…</p>}
      {program.data !== undefined && <Section title={t('nav.program')}>
        <form onSubmit={(e) => {
          e.preventDefault();
          void form.submit(async () => {
            // PUT replaces the programme: what this form does not show (expiry, categories, holds) goes back as it was.
            await call(() => api.PUT('/api/v1/loyalty/program', { body: {
              ...(program.data ?? {}),
              pointsPerCurrencyUnit: numberIn('pointsPerCurrencyUnit', draft.earn), pointValue: numberIn('pointValue', draft.value),
              maxRedeemShare: numberIn('maxRedeemShare', draft.share),
              tiers: tiers.filter((x) => x.name.trim()).map((x) => ({ name: x.name.trim(), minSpend: numberIn('tiers', x.minSpend), multiplier: numberIn('tiers', x.multiplier) })),
            } as never }));
            program.reload();
          });
        }}>
          <div className="row">
            <Field label={t('program.earn')} value={draft.earn} onChange={(v) => setDraft({ ...draft, earn: v })} error={form.errorFor('pointsPerCurrencyUnit')} />
            <Field label={t('program.value')} value={draft.value} onChange={(v) => setDraft({ ...draft, value: v })} error={form.errorFor('pointValue')} />
            <Field label={t('program.share')} value={draft.share} onChange={(v) => setDraft({ ...draft, share: v })} error={form.errorFor('maxRedeemShare')} />
          </div>
          {Number.isFinite(value) && <p data-testid="point-worth">{t('program.worth', { value: money.format(value * 100) })}</p>}
          <fieldset>
            <legend>{t('program.tiers')}</legend>
            {tiers.map((x, i) => (
              <div className="row" key={i}>
                <Field label={t('name')} value={x.name} onChange={(v) => setTiers(tiers.map((y, j) => (j === i ? { ...y, name: v } : y)))} />
                <Field label={t('program.minSpend')} value={x.minSpend} onChange={(v) => setTiers(tiers.map((y, j) => (j === i ? { ...y, minSpend: v } : y)))} />
                <Field label={t('program.multiplier')} value={x.multiplier} onChange={(v) => setTiers(tiers.map((y, j) => (j === i ? { ...y, multiplier: v } : y)))} />
              </div>
            ))}
            <button type="button" onClick={() => setTiers([...tiers, { name: '', minSpend: '0', multiplier: '1' }])}>{t('program.addTier')}</button>
            {form.errorFor('tiers') && <span role="alert" className="error">{form.errorFor('tiers')}</span>}
          </fieldset>
          <FormError refusal={form.refusal} />
          <button type="submit" disabled={form.busy}>{t('save')}</button>
        </form>
      </Section>}
    </>
  );
}
