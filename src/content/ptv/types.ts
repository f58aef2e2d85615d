/**
 * The slice of a Suomi.fi Palvelutietovaranto (PTV) export that the importer reads. The export
 * file is `{ services: PtvService[], serviceChannels: PtvServiceChannel[] }`, the objects as the
 * PTV read API (v11) returns them; fields we do not use are ignored, not rejected.
 *
 * A service links its channels with `serviceChannels: [{ serviceChannel: { id } }]` (the shape of
 * the API's service-channel connections).
 */

export interface PtvText {
  /** fi, sv, en, se, smn, sms… */
  language: string;
  value: string;
  /** Name / AlternativeName for names; Summary / Description for descriptions. */
  type?: string;
}

export interface PtvOntologyTerm {
  uri?: string;
  name?: PtvText[];
}

export interface PtvService {
  id: string;
  serviceNames: PtvText[];
  serviceDescriptions?: PtvText[];
  ontologyTerms?: PtvOntologyTerm[];
  serviceChannels?: { serviceChannel: { id: string; name?: string } }[];
}

export interface PtvPhone {
  prefixNumber?: string | null;
  number: string;
  additionalInformation?: string | null;
  /** Free | Charged | Other */
  serviceChargeType?: string | null;
  language?: string | null;
}

export interface PtvWebPage {
  url: string;
  value?: string | null;
  language?: string | null;
}

export interface PtvOpeningHour {
  /** Monday … Sunday */
  dayFrom: string;
  dayTo?: string | null;
  /** "08:00" or "08:00:00" */
  from?: string | null;
  to?: string | null;
}

export interface PtvServiceHour {
  /** DaysOfTheWeek | Exceptional | OverMidnight */
  serviceHourType: string;
  validFrom?: string | null;
  validTo?: string | null;
  isClosed?: boolean;
  isAlwaysOpen?: boolean;
  openingHour?: PtvOpeningHour[];
  additionalInformation?: PtvText[];
}

export interface PtvAddress {
  /** Visiting | Postal */
  type?: string;
  streetAddress?: {
    street?: PtvText[];
    streetNumber?: string | null;
    postalCode?: string | null;
    postOffice?: PtvText[];
  };
}

export interface PtvServiceChannel {
  id: string;
  /** EChannel | Phone | PrintableForm | ServiceLocation | WebPage */
  serviceChannelType: string;
  serviceChannelNames?: PtvText[];
  phoneNumbers?: PtvPhone[];
  webPages?: PtvWebPage[];
  addresses?: PtvAddress[];
  serviceHours?: PtvServiceHour[];
}

export interface PtvExport {
  services: PtvService[];
  serviceChannels: PtvServiceChannel[];
}
