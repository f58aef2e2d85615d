/** Public API of the service catalogue. Import from here, not from the individual files. */
export * from './types';
export { loadCatalogue, checkAllPacks, type LoadOptions } from './loader';
export { listRegions } from './sources';
export { openingStatus, DEFAULT_TIMEZONE, type OpeningStatus, type OpeningPoint } from './openingHours';
export { describeOpening, describeWeekly } from './describeOpening';
export { renderServiceCard, renderServiceCardData, serviceCardFor, serviceCardText, type ServiceCardData, type ChannelCardData } from './serviceCard';
export { contrastRatio, WCAG_AA_NORMAL } from './contrast';
export { CODES, type CatCode } from './codes';
export { REFERENCE_PHONES, isReferencePhone, isPlaceholderPhone, normalisePhone, telUri } from './contacts';
