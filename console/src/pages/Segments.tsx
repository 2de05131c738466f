import { useEffect, useRef, useState } from 'react';
import { api, call } from '../api/client';
import { EVENTS, OPERATORS, PROPERTIES, newGroup, newLeaf, replaceAt, toCondition, type Condition, type Group, type Node } from '../parts/condition';
import { Field, FormError, Section, useLoad, useSubmit } from '../parts/forms';
import { useI18n } from '../i18n';

/** Debounce of the live count: the count follows the last edit, not every keystroke. */
export const COUNT_DELAY_MS = 250;

export function Segments() {
  const { t } = useI18n();
  const [tree, setTree] = useState<Group>(newGroup());
  const [name, setName] = useState('');
  const condition = toCondition(tree);
  const preview = useLiveCount(condition);
  const saved = useLoad(() => call(() => api.GET('/api/v1/segments')), []);
  const form = useSubmit(['name', 'condition']);

  return (
    <>
      <h1>{t('nav.segments')}</h1>
      <Section title={t('segments.builder')}>
        <GroupEditor group={tree} path={[]} onChange={(path, next) => setTree(replaceAt(tree, path, next))} root />
        <p className="count" aria-live="polite">
          {t('segments.count')}: <strong data-testid="segment-count">{preview.counting ? t('segments.counting') : preview.count ?? '—'}</strong>
        </p>
        {preview.error && <p role="alert" className="error">{preview.error}</p>}
        {preview.sample.length > 0 && (
          <details>
            <summary>{t('segments.sample')}</summary>
            <ul className="sample">{preview.sample.map((id) => <li key={id}><code>{id}</code></li>)}</ul>
          </details>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void form.submit(async () => {
              await call(() => api.POST('/api/v1/segments', { body: { name, condition: (condition ?? {}) as never } }));
              setName('');
              saved.reload();
            });
          }}
        >
          <Field label={t('name')} value={name} onChange={setName} error={form.errorFor('name')} required />
          <FormError refusal={form.refusal} />
          <button type="submit" disabled={form.busy || !condition}>{t('segments.save')}</button>
        </form>
      </Section>
      <Section title={t('segments.saved')}>
        <ul>{(savedItems(saved.data)).map((s) => <li key={s.id}>{s.name}</li>)}</ul>
      </Section>
    </>
  );
}

function savedItems(data: unknown): { id?: string; name?: string }[] {
  if (Array.isArray(data)) return data;
  return (data as { items?: { id?: string; name?: string }[] } | undefined)?.items ?? [];
}

/** Counts the tree as it is edited: debounced, and an answer to an older tree never overwrites a newer one. */
function useLiveCount(condition: Condition | null) {
  const [state, setState] = useState<{ count?: number; sample: string[]; counting: boolean; error?: string }>({ sample: [], counting: false });
  const asked = useRef(0);
  const key = JSON.stringify(condition);
  useEffect(() => {
    if (!condition) {
      setState({ sample: [], counting: false });
      return;
    }
    const ticket = ++asked.current;
    setState((s) => ({ ...s, counting: true }));
    const timer = window.setTimeout(() => {
      call(() => api.POST('/api/v1/segments/preview', { body: { condition: condition as never } })).then(
        (p) => ticket === asked.current && setState({ count: p.count, sample: p.sample ?? [], counting: false }),
        (e: Error) => ticket === asked.current && setState({ sample: [], counting: false, error: e.message }),
      );
    }, COUNT_DELAY_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

type Change = (path: number[], next: Node | null) => void;

function GroupEditor({ group, path, onChange, root }: { group: Group; path: number[]; onChange: Change; root?: boolean }) {
  const { t } = useI18n();
  return (
    <fieldset className="group">
      <legend>
        <select aria-label={t('segments.all') + ' / ' + t('segments.any')} value={group.combinator}
          onChange={(e) => onChange(path, { ...group, combinator: e.target.value as 'and' | 'or' })}>
          <option value="and">{t('segments.all')}</option>
          <option value="or">{t('segments.any')}</option>
        </select>
      </legend>
      {group.children.map((child, i) =>
        child.kind === 'group' ? (
          <GroupEditor key={i} group={child} path={[...path, i]} onChange={onChange} />
        ) : (
          <LeafEditor key={i} leaf={child} onChange={(next) => onChange([...path, i], next)} />
        ),
      )}
      <div className="actions">
        <button type="button" onClick={() => onChange(path, { ...group, children: [...group.children, newLeaf()] })}>{t('segments.addRule')}</button>
        <button type="button" onClick={() => onChange(path, { ...group, children: [...group.children, newGroup()] })}>{t('segments.addGroup')}</button>
        {!root && <button type="button" onClick={() => onChange(path, null)}>{t('segments.remove')}</button>}
      </div>
    </fieldset>
  );
}

function LeafEditor({ leaf, onChange }: { leaf: Node & { kind: 'property' | 'event' }; onChange: (next: Node | null) => void }) {
  const { t } = useI18n();
  const choice = leaf.kind === 'event' ? `event:${leaf.event}` : `property:${leaf.property}`;
  return (
    <div className="rule">
      <select aria-label={t('segments.property')} value={choice} onChange={(e) => {
        const [kind, what] = e.target.value.split(':');
        onChange(kind === 'event'
          ? { kind: 'event', event: what, withinDays: '30', minCount: '' }
          : { kind: 'property', property: what, operator: 'equals', value: '' });
      }}>
        {Object.keys(PROPERTIES).map((p) => <option key={p} value={`property:${p}`}>{p}</option>)}
        {EVENTS.map((e) => <option key={e} value={`event:${e}`}>{e}</option>)}
      </select>
      {leaf.kind === 'property' ? (
        <>
          <select aria-label={t('segments.operator')} value={leaf.operator} onChange={(e) => onChange({ ...leaf, operator: e.target.value })}>
            {OPERATORS.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
          {leaf.operator !== 'exists' && leaf.operator !== 'missing' && (
            <input aria-label={t('segments.value')} value={leaf.value} inputMode={PROPERTIES[leaf.property] === 'number' ? 'numeric' : 'text'}
              onChange={(e) => onChange({ ...leaf, value: e.target.value })} />
          )}
        </>
      ) : (
        <>
          <input aria-label="withinDays" inputMode="numeric" value={leaf.withinDays} onChange={(e) => onChange({ ...leaf, withinDays: e.target.value })} />
          <input aria-label="minCount" inputMode="numeric" value={leaf.minCount} onChange={(e) => onChange({ ...leaf, minCount: e.target.value })} />
        </>
      )}
      <button type="button" onClick={() => onChange(null)}>{t('segments.remove')}</button>
    </div>
  );
}
