// dist/lazy/model.js: reading and parsing `.value/` (yaml, schema validators). See bundles.ts.
export { readValueFile, readValueFolder } from '../core/model/readValueFolder';
export { kindOfValuePath, ValueModel } from '../core/model/valueModel';
