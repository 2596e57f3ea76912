/** Written into every document, so a dataset tells which code made each row. Kept equal to package.json's version (tested). */
export const PIPELINE_VERSION = '0.7.0';
