import { moveOrCopy } from './common/move-copy';
import type { Operation } from './operation';

/** MoveItem: the item leaves its folder (a Delete there) and appears in the target under a new id. */
export const moveItem: Operation = {
  name: 'MoveItem',
  since: 'Exchange2007',
  handle: (ctx) => moveOrCopy(ctx, 'MoveItem'),
};
