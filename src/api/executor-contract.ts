/** The reference executor's routes beyond publishing, as the app's client reads them. */
export * from '../domain/contract/executor-contract.ts';
