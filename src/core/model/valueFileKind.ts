/** The three kinds of file under `.value/`. */
export type ValueFileKind = 'intent' | 'release' | 'config';
