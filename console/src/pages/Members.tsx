import { useState } from 'react';
import { api, call, currentToken } from '../api/client';
import { Field, FormError, Section, useLoad, useSubmit } from '../parts/forms';
import { useI18n } from '../i18n';

type Member = { id?: string; name?: string; phone?: string; email?: string; cardNumber?: string; tier?: string; locale?: string; erased?: boolean };

/** The member directory: search, and a member's card (consents, faces as counts only, points, channels, export, erasure). */
export function Members() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const found = useLoad(
    () => call(() => api.GET('/api/v1/members', { params: { query: asked.length >= 2 ? { q: asked, limit: 50 } : { limit: 50 } } })),
    [asked],
  );
  const members = ((found.data as { items?: Member[] } | undefined)?.items ?? []);
  return (
    <>
      <h1>{t('nav.members')}</h1>
      <form role="search" onSubmit={(e) => { e.preventDefault(); setAsked(q.trim()); }}>
        <div className="row">
          <Field label={t('members.search')} value={q} onChange={setQ} />
        </div>
        <button type="submit">{t('members.find')}</button>
      </form>
      {found.error && <p role="alert" className="error">{found.error}</p>}
      <table>
        <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('members.card')}</th><th scope="col">{t('members.phone')}</th><th scope="col">{t('members.tier')}</th><th scope="col" /></tr></thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td><td>{m.cardNumber}</td><td>{m.phone}</td><td>{m.tier}</td>
              <td><button type="button" onClick={() => setOpen(m.id!)}>{t('members.open')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <MemberCard id={open} key={open} onErased={() => { setOpen(null); found.reload(); }} />}
    </>
  );
}

type Consents = { current?: Record<string, { purpose?: string; granted?: boolean; policyVersion?: string; at?: string } | null> };
type Balance = { available?: number; pending?: number; held?: number; tier?: string };
type Ledger = { items?: { id?: string; kind?: string; points?: number; reference?: string; at?: string }[] };
type Channels = { items?: { channel?: string; active?: boolean; preferred?: boolean }[] };

function MemberCard({ id, onErased }: { id: string; onErased: () => void }) {
  const { t, format } = useI18n();
  const path = { params: { path: { id } } };
  const card = useLoad(async () => {
    const [member, consents, faces, balance, ledger, channels] = await Promise.all([
      call(() => api.GET('/api/v1/members/{id}', path)),
      call(() => api.GET('/api/v1/members/{id}/consents', path)),
      call(() => api.GET('/api/v1/members/{id}/faces', path)),
      call(() => api.GET('/api/v1/members/{id}/balance', path)),
      call(() => api.GET('/api/v1/members/{id}/ledger', { params: { path: { id }, query: { limit: 20 } } })),
      call(() => api.GET('/api/v1/members/{id}/channels', path)),
    ]);
    return { member: member as Member, consents: consents as Consents, faces: (faces as unknown[]).length, balance: balance as Balance,
      ledger: ledger as Ledger, channels: channels as Channels };
  }, [id]);
  const [confirm, setConfirm] = useState('');
  const erase = useSubmit(['confirm']);
  const c = card.data;
  const when = new Intl.DateTimeFormat(format, { dateStyle: 'medium', timeStyle: 'short' });

  async function exportData() {
    // A download of the member's own data: fetched with the token (a link could not carry it), saved as a file.
    const answer = await fetch(`/api/v1/members/${id}/export`, { headers: { Authorization: `Bearer ${currentToken()}` } });
    const url = URL.createObjectURL(await answer.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `member-${id}.json`;
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <Section title={c?.member.name ?? t('members.card')}>
      {card.error && <p role="alert" className="error">{card.error}</p>}
      {c && (
        <>
          <dl className="facts">
            <dt>{t('members.card')}</dt><dd>{c.member.cardNumber ?? '—'}</dd>
            <dt>{t('members.phone')}</dt><dd>{c.member.phone ?? '—'}</dd>
            <dt>{t('members.faces')}</dt><dd data-testid="faces">{c.faces}</dd>
            <dt>{t('members.points')}</dt><dd data-testid="points">{c.balance.available ?? 0} ({t('members.pending')}: {c.balance.pending ?? 0})</dd>
            <dt>{t('members.channels')}</dt><dd>{(c.channels.items ?? []).map((ch) => `${ch.channel}${ch.preferred ? ' ★' : ''}`).join(', ') || '—'}</dd>
          </dl>
          <h3>{t('members.consents')}</h3>
          <ul>
            {Object.entries(c.consents.current ?? {}).map(([purpose, x]) => (
              <li key={purpose}>{purpose}: {x ? `${x.granted ? '✓' : '✗'} (${x.policyVersion ?? ''}${x.at ? `, ${when.format(new Date(x.at))}` : ''})` : '—'}</li>
            ))}
          </ul>
          <h3>{t('members.ledger')}</h3>
          <table>
            <tbody>
              {(c.ledger.items ?? []).map((e) => (
                <tr key={e.id}><td>{e.at ? when.format(new Date(e.at)) : ''}</td><td>{e.kind}</td><td>{e.points}</td><td>{e.reference}</td></tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => void exportData()}>{t('members.export')}</button>
          <form onSubmit={(e) => {
            e.preventDefault();
            void erase.submit(async () => {
              if (confirm !== (c.member.cardNumber ?? c.member.name)) throw new Error(t('members.eraseMismatch'));
              await call(() => api.DELETE('/api/v1/members/{id}', path));
              onErased();
            });
          }}>
            <Field label={t('members.eraseConfirm', { what: c.member.cardNumber ?? c.member.name ?? '' })} value={confirm} onChange={setConfirm} />
            <FormError refusal={erase.refusal} />
            <button type="submit" className="danger" disabled={erase.busy}>{t('members.erase')}</button>
          </form>
        </>
      )}
    </Section>
  );
}
