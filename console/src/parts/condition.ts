/** The segment builder's tree, and how it becomes the contract's condition (and back, for a saved segment). */
export type Leaf =
  | { kind: 'property'; property: string; operator: string; value: string }
  | { kind: 'event'; event: string; withinDays: string; minCount: string };
export type Group = { kind: 'group'; combinator: 'and' | 'or'; children: Node[] };
export type Node = Leaf | Group;

export const PROPERTIES: Record<string, 'number' | 'text'> = {
  tier: 'text',
  gender: 'text',
  age: 'number',
  daysToBirthday: 'number',
  locale: 'text',
  pointsAvailable: 'number',
  homeStore: 'text',
};
export const OPERATORS = ['equals', 'notEquals', 'lessThan', 'lessThanOrEqualTo', 'greaterThan', 'greaterThanOrEqualTo', 'exists', 'missing'] as const;
export const EVENTS = ['purchase', 'visit', 'redemption', 'storeVisit', 'visitWithoutPurchase', 'leftUnhappy'] as const;

export type Condition = Record<string, unknown>;

/** Null while a rule is unfinished (an empty value), so the count is asked only for a tree the platform can read. */
export function toCondition(node: Node): Condition | null {
  if (node.kind === 'group') {
    const parts = node.children.map(toCondition);
    if (parts.length === 0 || parts.some((p) => p === null)) return null;
    return parts.length === 1 ? parts[0] : { [node.combinator]: parts };
  }
  if (node.kind === 'event') {
    const leaf: Condition = { event: node.event };
    if (node.withinDays.trim()) {
      const days = Number(node.withinDays);
      if (!Number.isInteger(days) || days <= 0) return null;
      leaf.withinDays = days;
    }
    if (node.minCount.trim()) {
      const count = Number(node.minCount);
      if (!Number.isInteger(count) || count < 0) return null;
      leaf.minCount = count;
    }
    return leaf;
  }
  if (node.operator === 'exists' || node.operator === 'missing') {
    return { property: node.property, operator: node.operator };
  }
  if (!node.value.trim()) return null;
  if (PROPERTIES[node.property] === 'number') {
    const n = Number(node.value);
    return Number.isFinite(n) ? { property: node.property, operator: node.operator, value: n } : null;
  }
  return { property: node.property, operator: node.operator, value: node.value };
}

export function newLeaf(): Leaf {
  return { kind: 'property', property: 'tier', operator: 'equals', value: '' };
}

export function newGroup(): Group {
  return { kind: 'group', combinator: 'and', children: [newLeaf()] };
}

/** Replaces the node at a path of child indexes. */
export function replaceAt(root: Group, path: number[], next: Node | null): Group {
  if (path.length === 0) return (next as Group) ?? root;
  const [head, ...rest] = path;
  const children = [...root.children];
  if (rest.length === 0) {
    if (next === null) children.splice(head, 1);
    else children[head] = next;
  } else {
    children[head] = replaceAt(children[head] as Group, rest, next);
  }
  return { ...root, children };
}
