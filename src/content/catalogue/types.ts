/**
 * The service catalogue's data model: what the loader produces after checking the YAML.
 * Everything here is plain data (no methods) so it can be cached, serialised and rendered as
 * text or as an adaptive card without touching the loader again.
 */

/** The three languages every resident-facing text must exist in (fi and sv are both required). */
export { LANGS, type Lang } from '../../lang';
import type { Lang } from '../../lang';

/** fi, sv and en text. The loader guarantees fi and sv; en falls back to fi when missing. */
export type LocalizedText = Record<Lang, string>;

export { TOPICS, type Topic } from '../topics';
import type { Topic } from '../topics';
import type { Provenance } from './provenance';
import type { QueueRole, Role } from './roles';
export type { Provenance } from './provenance';
export type { QueueRole, Role } from './roles';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "HH:MM", 24-hour clock, local time of the catalogue's timezone. "24:00" is allowed as an end. */
export type ClockTime = string;
/** "YYYY-MM-DD". */
export type IsoDate = string;

export interface WeeklyRange {
  days: Weekday[];
  from: ClockTime;
  /** `to` at or before `from` means the range runs over midnight into the next day. */
  to: ClockTime;
}

export type HoursException =
  | { date: IsoDate; closed: true; note?: LocalizedText }
  | { date: IsoDate; from: ClockTime; to: ClockTime; note?: LocalizedText };

/** Exactly one of the three shapes; the loader rejects mixtures. */
export type Hours =
  | { always: true }
  | {
      weekly: WeeklyRange[];
      exceptions?: HoursException[];
      /** Finnish holidays and closed eves: "closed" (the default) or "open" (weekly hours apply). */
      holidays?: 'closed' | 'open';
    }
  | { unknown: true; note?: LocalizedText };

export const CHANNEL_TYPES = ['phone', 'web', 'chat', 'walk-in', 'omaolo'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** "normal" = the caller pays ordinary call charges; "unknown" = the source does not say. */
export const CHARGES = ['free', 'normal', 'unknown'] as const;
export type Charge = (typeof CHARGES)[number];

export interface Channel {
  type: ChannelType;
  label?: LocalizedText;
  phone?: string;
  url?: string;
  address?: LocalizedText;
  hours?: Hours;
  charge?: Charge;
  /** Languages the channel serves; absent means "not stated". */
  languages?: Lang[];
  notes?: LocalizedText;
  /** Where the channel's phone, address or URL was read, and when (required in real packs). */
  provenance?: Provenance;
  /** The hours block's own source, when it differs from the channel's. */
  hoursProvenance?: Provenance;
}

export const TARGET_GROUPS = [
  'everyone',
  'children',
  'young-people',
  'young-adults',
  'adults',
  'families',
  'pregnant',
  'elderly',
  'carers',
  'chronic-illness',
  'victims',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export interface AgeGroup {
  /** Inclusive. */
  minAge?: number;
  /** Inclusive. */
  maxAge?: number;
}

export interface Audience {
  ageGroups?: AgeGroup[];
  targetGroups?: TargetGroup[];
}

export interface Service {
  id: string;
  topic: Topic;
  /** Further topics the service also answers (e.g. mental health *and* substance use). */
  alsoTopics?: Topic[];
  name: LocalizedText;
  description: LocalizedText;
  channels: Channel[];
  audience?: Audience;
  /** True only when the source says the service can be used anonymously. */
  anonymous: boolean;
  queue?: string;
  checkedOn: IsoDate;
  /** Where the facts were checked (URL or document name); expected for real regional numbers. */
  source?: string;
  /** Made-up demo data: the bot shows "(example data)" next to it. */
  example?: boolean;
  /** A region entry replacing a national one with the same id must say so. */
  overrides?: boolean;
  notes?: LocalizedText;
  /** The part this service plays in the dialogs (roles.ts); the dialogs route to roles. */
  role?: Role;
  /** When no number is published: how the resident finds one (the county's page, its switchboard). */
  findContact?: LocalizedText;
  /** Published text in languages the bot does not speak yet (Sámi: se, smn, sms), kept verbatim. */
  otherLanguages?: Record<string, { name?: string; description?: string }>;
  /** Where it came from: "base" or the region id. Set by the loader, not written in YAML. */
  origin: string;
  /** Repository-relative file it was read from. Set by the loader. */
  file: string;
}

export interface Queue {
  id: string;
  name: LocalizedText;
  languages: Lang[];
  hours: Hours;
  acceptsContactRequests: boolean;
  services: string[];
  example?: boolean;
  /** The part this queue plays in the dialogs' handoffs (roles.ts). */
  role?: QueueRole;
}

export interface OmaoloAssessment {
  id: string;
  name: LocalizedText;
  /** Languages whose name is our own translation, not Omaolo's published wording. */
  ourTranslation?: Lang[];
}

export interface OmaoloInfo {
  url: string;
  note: LocalizedText;
  minAge?: number;
  checkedOn: IsoDate;
  assessments: OmaoloAssessment[];
}

export const PACK_STATUSES = ['draft', 'verified'] as const;
export type PackStatus = (typeof PACK_STATUSES)[number];

export interface Municipality {
  /** Statistics Finland's three-digit municipality code. */
  code: string;
  name: { fi: string; sv: string };
  postalCodes: string[];
}

export interface RegionArea {
  municipalities: Municipality[];
  source: string;
  read: IsoDate;
}

export interface RegionColours {
  /** "#rrggbb"; must reach WCAG AA (4.5:1) against white text. */
  primary: string;
  accent: string;
}

export interface Region {
  id: string;
  name: LocalizedText;
  /** Repository-relative path of the logo file. */
  logo: string;
  colours: RegionColours;
  timezone: string;
  omaoloEnabled: string[];
  example?: boolean;
  /** Real packs: "draft" until a county editor has checked every fact, then "verified". */
  status?: PackStatus;
  verified?: { by: string; on: IsoDate };
  /** Languages the county serves residents in (Swedish where it serves in Swedish). */
  languages?: Lang[];
  /** The county's own website, for "find it on the county's pages". */
  website?: string;
  /** Municipalities served, with postal codes (area.yaml). */
  area?: RegionArea;
}

export interface Catalogue {
  region: Region;
  services: Map<string, Service>;
  queues: Map<string, Queue>;
  omaolo: {
    assessments: Map<string, OmaoloAssessment>;
    enabled: string[];
    url: string;
    note: LocalizedText;
    minAge?: number;
  };
  /** Services whose `topic` or `alsoTopics` include the topic, national ones first. */
  servicesByTopic(topic: Topic): Service[];
}
