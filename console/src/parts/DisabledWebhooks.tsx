import { api, call } from '../api/client';
import { useI18n } from '../i18n';
import { useLoad } from './forms';

/** Tells a tenant admin, on whatever page, that CRM endpoints were switched off after failing for a day. */
export function DisabledWebhooks() {
  const { t } = useI18n();
  const endpoints = useLoad(() => call(() => api.GET('/api/v1/crm/webhooks')), []);
  const disabled = (endpoints.data?.items ?? []).filter((e) => e.status === 'DISABLED').length;
  if (!disabled) return null;
  return (
    <p role="alert" className="error banner">
      <a href="#/webhooks">{t('webhooks.anyDisabled', { count: String(disabled) })}</a>
    </p>
  );
}
