// `lke rubric import` presented: the rubric file itself (its TODOs are comments in it; the command lists them
// on stderr as well).
import type { RubricImportDoc } from '../../document/rubric-import.js';

export const renderRubricImportYaml = (d: RubricImportDoc): string => d.yaml;
