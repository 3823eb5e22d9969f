import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real sample worksheets live in ../shared (never copied into the repository). */
export const SAMPLES = fileURLToPath(new URL('../../../shared/domain/samples/', import.meta.url));
export const HAVE_SAMPLES = existsSync(SAMPLES);
export const RB_SAMPLE = `${SAMPLES}lke-rb-2014-bps-2015.xlsx`;
export const ZI_SAMPLE = `${SAMPLES}lke-zi-2021-tangsel.xlsx`;
export const SKIP_NOTE = HAVE_SAMPLES ? '' : ' [SKIPPED: ../shared/domain/samples is absent]';
