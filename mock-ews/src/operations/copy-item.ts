import { moveOrCopy } from './common/move-copy';
import type { Operation } from './operation';

/** CopyItem: a new item with the same content in the target folder; the original stays. */
export const copyItem: Operation = {
  name: 'CopyItem',
  since: 'Exchange2007',
  handle: (ctx) => moveOrCopy(ctx, 'CopyItem'),
};
