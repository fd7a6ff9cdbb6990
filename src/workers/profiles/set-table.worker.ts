import '../shared/no-eval.ts';
import { hostSetTable, type TransferScope } from './set-table-host.ts';

// The app's type-check sees the DOM's `self`; in this module it is the worker's scope.
hostSetTable(self as unknown as TransferScope);
