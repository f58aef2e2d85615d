/** PTV (Suomi.fi Palvelutietovaranto) import: public API. */
export { convertPtvExport, writeImportedFiles, parseTopicMap, type ImportOptions, type ImportResult, type ImportedFile } from './importPtv';
export { validatePtvExport } from './validate';
export { DEFAULT_TOPIC_MAP, guessTopic, type TopicMap } from './topicMap';
export { convertHours, ptvTime } from './hours';
export type * from './types';
