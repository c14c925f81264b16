// Public surface of the diagnosis engine.
export { diagnose } from './diagnose';
export { mayBeAnError } from './focus';
export { mayContainSecret, scrubText } from './secrets';
export { guardSlackArgs, guardText, guardValue } from './last-guard';
export { ROTATION } from './secret-rotation';
export { evaluate, type ClassScore, type EvalReport, type LabelledPrediction } from './evaluate';
export { describeClass, findClass, listClasses } from './explain';
export {
  conditionsKey,
  guideCauses,
  guideHeadline,
  guideSteps,
  sourcesFor,
  stepTitle,
} from './guide';
export { CATALOG, catalogEntry, PLATFORMS } from './catalog';
export { factList } from './fact-list';
export type * from './types';
export { CLASS_IDS } from './types';
export { accountIdFromKeyId, credentialKeyIds, isAccessKeyId, maskKeyId } from './access-keys';
export { arnRole } from './signals';
export { rerankSteps, type TeamHeadline, type TeamHistory } from './team-history';
