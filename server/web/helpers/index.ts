// merge shim: removed by the lead after merging
export { helpers } from '../../shared/sjabloonhelpers.js';
