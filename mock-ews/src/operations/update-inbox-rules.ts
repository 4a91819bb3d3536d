import { el, leaf, writeResponseMessage, Xml } from '../soap/response-writer';
import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { XmlElement } from '../soap/xml-element';
import type { InboxRule } from '../store/inbox-rules';
import type { Mailbox } from '../store/types';
import { readRule, RuleValidationError } from './common/inbox-rules-xml';
import { rulesMailbox } from './common/rules-mailbox';
import { booleanValue } from './common/schema-values';
import type { Operation, OperationContext } from './operation';

const OPERATIONS = ['CreateRuleOperation', 'SetRuleOperation', 'DeleteRuleOperation'];

/**
 * UpdateInboxRules (Exchange 2010 SP1 on): creates, changes and deletes a mailbox's Inbox rules,
 * all of its operations or none. What cannot be done answers ErrorInboxRulesValidationError with a
 * RuleOperationError per failing operation (its index and the field, code and value at fault), and
 * no rule changes. Priorities are then renumbered 1..n in their order, as Exchange keeps them.
 */
export const updateInboxRules: Operation = {
  name: 'UpdateInboxRules',
  since: 'Exchange2010_SP1',
  async handle(ctx) {
    const req = ctx.request;
    const blob = req.m('RemoveOutlookRuleBlob');
    if (blob) booleanValue(blob);
    const opsEl = req.m('Operations');
    if (!opsEl) throw incompleteContent(req, 'Operations', NS.m);
    const ops = opsEl.children.filter((c) => c.ns === NS.t);
    for (const op of ops) if (!OPERATIONS.includes(op.local)) throw incompleteContent(opsEl, 'CreateRuleOperation', NS.t);
    const response = el(ctx.body, 'm:UpdateInboxRulesResponse', { ResponseClass: 'Success', 'xmlns:m': NS.m, 'xmlns:t': NS.t });
    let failures: { index: number; errors: RuleValidationError[] }[] = [];
    await writeResponseMessage(response, () => {
      const mailbox = rulesMailbox(ctx, req);
      const { rules, failed } = applyOperations(ctx, mailbox, ops);
      failures = failed;
      if (failed.length > 0) throw new ItemError('ErrorInboxRulesValidationError');
      ctx.store.setInboxRules(mailbox, rules);
    });
    if (failures.length > 0) writeFailures(response, failures);
  },
};

/** The rules as the operations leave them, or the operations that cannot be done. */
function applyOperations(ctx: OperationContext, mailbox: Mailbox, ops: XmlElement[]): { rules: InboxRule[]; failed: { index: number; errors: RuleValidationError[] }[] } {
  let rules = [...(mailbox.rules ?? [])];
  const failed: { index: number; errors: RuleValidationError[] }[] = [];
  const touched = new Set<string>();
  /** Rules created or changed here, by id: they take the places they ask for. */
  const placed = new Set<string>();
  const priorities = new Set<number>();
  ops.forEach((op, index) => {
    const errors: RuleValidationError[] = [];
    const ruleEl = op.t('Rule');
    if (op.local === 'DeleteRuleOperation') {
      const idEl = op.t('RuleId');
      if (!idEl) throw incompleteContent(op, 'RuleId', NS.t);
      const id = idEl.text.trim();
      if (touched.has(id)) errors.push({ fieldUri: 'RuleId', code: 'DuplicatedOperationOnTheSameRule', message: 'The rule has more than one operation in this request.', value: id });
      else if (!rules.some((r) => r.id === id)) errors.push({ fieldUri: 'RuleId', code: 'RuleNotFound', message: 'The rule was not found.', value: id });
      else rules = rules.filter((r) => r.id !== id);
      touched.add(id);
    } else {
      if (!ruleEl) throw incompleteContent(op, 'Rule', NS.t);
      const read = readRule(ctx, mailbox, ruleEl);
      errors.push(...read.errors);
      const { id, ...rest } = read.rule;
      if (priorities.has(rest.priority)) errors.push({ fieldUri: 'Priority', code: 'DuplicatedPriority', message: 'Another operation of this request gives a rule the same priority.', value: String(rest.priority) });
      priorities.add(rest.priority);
      if (op.local === 'CreateRuleOperation') {
        if (id) errors.push({ fieldUri: 'RuleId', code: 'CreateWithRuleId', message: 'A rule being created cannot have a RuleId.', value: id });
        if (errors.length === 0) {
          const created = { ...rest, id: ctx.store.newRuleId(mailbox) };
          rules.push(created);
          placed.add(created.id);
        }
      } else if (!id) {
        errors.push({ fieldUri: 'RuleId', code: 'MissingParameter', message: 'A rule being changed needs its RuleId.' });
      } else if (touched.has(id)) {
        errors.push({ fieldUri: 'RuleId', code: 'DuplicatedOperationOnTheSameRule', message: 'The rule has more than one operation in this request.', value: id });
      } else if (!rules.some((r) => r.id === id)) {
        errors.push({ fieldUri: 'RuleId', code: 'RuleNotFound', message: 'The rule was not found.', value: id });
      } else if (errors.length === 0) {
        rules = rules.map((r) => (r.id === id ? { ...rest, id } : r));
        placed.add(id);
      }
      if (id) touched.add(id);
    }
    if (errors.length > 0) failed.push({ index, errors });
  });
  // Each rule created or changed takes the place its priority asks for (before the rule that had
  // it); the others keep their order around them. Then 1..n again.
  const ordered = rules.filter((r) => !placed.has(r.id));
  for (const r of rules.filter((x) => placed.has(x.id)).sort((a, b) => a.priority - b.priority)) ordered.splice(Math.min(r.priority - 1, ordered.length), 0, r);
  return { rules: ordered.map((r, i) => ({ ...r, priority: i + 1 })), failed };
}

function writeFailures(response: Xml, failures: { index: number; errors: RuleValidationError[] }[]): void {
  const list = el(response, 'm:RuleOperationErrors');
  for (const f of failures) {
    const e = el(list, 't:RuleOperationError');
    leaf(e, 't:OperationIndex', f.index);
    const errors = el(e, 't:ValidationErrors');
    for (const v of f.errors) {
      const x = el(errors, 't:Error');
      leaf(x, 't:FieldURI', v.fieldUri);
      leaf(x, 't:ErrorCode', v.code);
      leaf(x, 't:ErrorMessage', v.message);
      leaf(x, 't:FieldValue', v.value);
    }
  }
}
