import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import { Field, FormError, Section, Select, useLoad, useSubmit } from '../parts/forms';
import { LOCALES, useI18n } from '../i18n';

const KINDS = ['RECEIPT', 'REFUND', 'POINTS_EXPIRING', 'WELCOME'] as const;
const CHANNELS = ['TELEGRAM', 'WECHAT'] as const;
type Texts = { text?: string };
type Template = { value?: Texts; localized?: Record<string, Texts>; builtIn?: boolean; templateId?: string };

/** Service notices' texts, the default and one per locale; the placeholders are the contract's ({receipt}, {points}…). */
export function Notices() {
  const { t } = useI18n();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('RECEIPT');
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('TELEGRAM');
  const template = useLoad(() => call(() => api.GET('/api/v1/notice-templates/{kind}/{channel}', { params: { path: { kind, channel } } })) as Promise<Template>, [kind, channel]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const form = useSubmit(['value', ...LOCALES.filter((l) => l !== 'en').map((l) => `localized.${l}`)]);
  useEffect(() => {
    const tpl = template.data;
    if (tpl) setTexts({ '': tpl.value?.text ?? '', ...Object.fromEntries(Object.entries(tpl.localized ?? {}).map(([l, x]) => [l, x.text ?? ''])) });
  }, [template.data]);
  return (
    <>
      <h1>{t('nav.notices')}</h1>
      <div className="row">
        <Select label={t('notices.kind')} value={kind} onChange={(v) => setKind(v as typeof kind)} options={KINDS.map((k) => [k, k] as const)} />
        <Select label={t('campaigns.channel')} value={channel} onChange={(v) => setChannel(v as typeof channel)} options={CHANNELS.map((c) => [c, c] as const)} />
      </div>
      {!template.data && !template.error && <p role="status">…</p>}
      {template.error && <p role="alert" className="error">{template.error}</p>}
      {template.data && <Section title={template.data.builtIn ? t('notices.builtIn') : t('notices.own')}>
        <form onSubmit={(e) => {
          e.preventDefault();
          void form.submit(async () => {
            const localized = Object.fromEntries(Object.entries(texts).filter(([l, v]) => l !== '' && v.trim()).map(([l, v]) => [l, { text: v }]));
            await call(() => api.PUT('/api/v1/notice-templates/{kind}/{channel}', { params: { path: { kind, channel } },
              body: { value: { text: texts[''] ?? '' }, localized } as never }));
            template.reload();
          });
        }}>
          {(['', ...LOCALES.filter((l) => l !== 'en')] as string[]).map((l) => (
            <Field key={l} label={l ? t('campaigns.messageIn', { locale: l.toUpperCase() }) : t('campaigns.message')} value={texts[l] ?? ''}
              onChange={(v) => setTexts({ ...texts, [l]: v })} error={form.errorFor(l === '' ? 'value' : `localized.${l}`)} />
          ))}
          <FormError refusal={form.refusal} />
          <button type="submit" disabled={form.busy}>{t('save')}</button>
        </form>
      </Section>}
    </>
  );
}
