import { api, call, useToken } from './client';

export type Role = 'OPERATOR' | 'TENANT_ADMIN' | 'MARKETER' | 'STORE_MANAGER' | 'CASHIER';

export type Session = {
  token: string;
  kind: 'operator' | 'staff';
  username: string;
  tenantSlug?: string;
  tenantId?: string;
  /** The tenant's zone and currency, for dates and money (staff only). */
  zone?: string;
  currency?: string;
  roles: Role[];
  /** Stores a store-bound account works in; empty for the whole chain. */
  stores: string[];
  expiresAt: number;
};

type Claims = { kind: 'operator' | 'staff'; upn: string; tenant?: string; groups?: string[]; stores?: string[]; exp: number };

/** Reads the token's claims to build the menu; the platform checks every call itself, whatever the menu shows. */
export function claimsOf(token: string): Claims {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Claims;
}

export async function logIn(tenantSlug: string, username: string, password: string): Promise<Session> {
  const body = tenantSlug ? { tenant: tenantSlug, username, password } : { username, password };
  const issued = await call(() => api.POST('/api/v1/auth/token', { body }), { signIn: true });
  const token = issued.access_token ?? '';
  const claims = claimsOf(token);
  useToken(token);
  const tenant = claims.tenant ? await call(() => api.GET('/api/v1/tenants/{id}', { params: { path: { id: claims.tenant! } } })) : undefined;
  return {
    token,
    tenantId: claims.tenant,
    zone: tenant?.timezone,
    currency: tenant?.currency,
    kind: claims.kind,
    username: claims.upn,
    tenantSlug: tenantSlug || undefined,
    roles: (claims.groups ?? []).filter((g): g is Role => ROLES.includes(g as Role)),
    stores: claims.stores ?? [],
    expiresAt: claims.exp * 1000,
  };
}

const ROLES: Role[] = ['OPERATOR', 'TENANT_ADMIN', 'MARKETER', 'STORE_MANAGER', 'CASHIER'];
