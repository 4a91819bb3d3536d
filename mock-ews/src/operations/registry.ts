import type { Operation } from './operation';
import { findFolder } from './find-folder';
import { getFolder } from './get-folder';

/**
 * Every EWS operation the mock serves, keyed by the local name of its request element. Adding an
 * operation means adding one module and one line here.
 */
const operations: Operation[] = [getFolder, findFolder];

export const OPERATIONS: ReadonlyMap<string, Operation> = new Map(operations.map((op) => [op.name, op]));
