import { api, call } from '../api/client';
import type { Session } from '../api/session';
import { useLoad } from './forms';

/** The tenant's stores, and those the signed-in account works in (all of them for a chain-wide account). */
export function useStores(session?: Session) {
  const stores = useLoad(() => call(() => api.GET('/api/v1/stores', { params: { query: { limit: 200 } } })), []);
  const all = stores.data?.items ?? [];
  const mine = all.filter((s) => !session || session.stores.length === 0 || session.stores.includes(s.id!));
  return { all, mine, reload: stores.reload };
}
