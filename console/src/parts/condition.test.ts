import { describe, expect, it } from 'vitest';
import { newGroup, replaceAt, toCondition, type Group } from './condition';

describe('the segment tree', () => {
  it('becomes the contract condition, typed as each property takes', () => {
    const tree: Group = {
      kind: 'group',
      combinator: 'and',
      children: [
        { kind: 'property', property: 'tier', operator: 'equals', value: 'Gold' },
        { kind: 'group', combinator: 'or', children: [
          { kind: 'property', property: 'age', operator: 'lessThan', value: '30' },
          { kind: 'event', event: 'storeVisit', withinDays: '30', minCount: '2' },
        ] },
      ],
    };
    expect(toCondition(tree)).toEqual({
      and: [
        { property: 'tier', operator: 'equals', value: 'Gold' },
        { or: [{ property: 'age', operator: 'lessThan', value: 30 }, { event: 'storeVisit', withinDays: 30, minCount: 2 }] },
      ],
    });
  });

  it('is not sent while a rule is unfinished or a number is not one', () => {
    expect(toCondition(newGroup())).toBeNull();
    expect(toCondition({ kind: 'property', property: 'age', operator: 'equals', value: '3O' })).toBeNull();
    expect(toCondition({ kind: 'event', event: 'purchase', withinDays: '1.5', minCount: '' })).toBeNull();
    expect(toCondition({ kind: 'property', property: 'tier', operator: 'exists', value: '' })).toEqual({ property: 'tier', operator: 'exists' });
  });

  it('edits and removes nodes by their path', () => {
    const tree = replaceAt(newGroup(), [0], { kind: 'property', property: 'tier', operator: 'equals', value: 'Silver' });
    expect(toCondition(tree)).toEqual({ property: 'tier', operator: 'equals', value: 'Silver' });
    expect(replaceAt(tree, [0], null).children).toHaveLength(0);
  });
});
