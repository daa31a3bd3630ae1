// merge shim: removed by the lead after merging
export * from '../registraties/schema.js';
