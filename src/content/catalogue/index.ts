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
export { RoleMap, nameableIds } from './roleMap';
export { ROLES, ROLE_IDS, QUEUE_ROLES, QUEUE_ROLE_IDS } from './roles';
export { finnishHolidays, holidayOn, type Holiday } from './holidays';
export { isStale, monthsSince, DEFAULT_STALE_MONTHS } from './provenance';

import { nameableIds as ids } from './roleMap';
import type { Catalogue } from './types';

/** What the dialog compiler may refer to in this catalogue: real ids and the roles filled. */
export function catalogueFacts(catalogue: Catalogue): { services: Set<string>; queues: Set<string> } {
  return { services: ids(catalogue.services), queues: ids(catalogue.queues) };
}
