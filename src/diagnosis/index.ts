// Public surface of the diagnosis engine.
export { diagnose } from './diagnose';
export { CATALOG, catalogEntry, PLATFORMS } from './catalog';
export type * from './types';
export { CLASS_IDS } from './types';
