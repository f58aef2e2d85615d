/**
 * JSON Schema of the slice of PTV's read API (v11) that the importer reads, written from PTV's
 * own OpenAPI view models, not from our notes. Source: the public PTV code, repository
 * vrk-kpa/ptv-releases, folder src/PTV.Domain.Model/Models/OpenApi/:
 *
 *   VmOpenApiServiceChannel(.cs), VmOpenApiServiceChannelBase   channel: id, serviceChannelType,
 *       serviceChannelNames, serviceChannelDescriptions, languages (^[a-z]{2}$), webPages, serviceHours
 *   V4VmOpenApiPhone, VmOpenApiPhoneSimpleVersionBase             phone: prefixNumber ^\+[0-9]{1,4}$,
 *       number ^\d{1,20}$ (required), language fi|sv|en (required), isFinnishServiceNumber,
 *       additionalInformation (≤ 150), serviceChargeType Chargeable|FreeOfCharge|Other
 *       (v7 and older: Charged|Free|Other), chargeDescription (required when Other)
 *   V11VmOpenApiServiceHour, VmOpenApiServiceHourBase<T>           serviceHourType DaysOfTheWeek|
 *       Exceptional|OverMidnight (required; v7: Standard|Exception|Special), validFrom, validTo,
 *       isClosed, validForNow, isAlwaysOpen, isReservation, additionalInformation (≤ 100), openingHour
 *   V2VmOpenApiDailyOpeningTime (V8 in v11)                        dayFrom (required, weekday name),
 *       dayTo, from (required), to (required), isExtra
 *   VmOpenApiLocalizedListItem / VmOpenApiLanguageItem            { language, value, type? }
 *
 * Unknown properties are allowed: the API returns far more than we read (areas, ontology terms).
 */
const WEEKDAY = { enum: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] };
const LOCALIZED_LIST = {
  type: 'array',
  items: {
    type: 'object',
    required: ['language', 'value'],
    properties: { language: { type: 'string', pattern: '^[a-z]{2,3}$' }, value: { type: 'string' }, type: { type: 'string' } },
  },
};
const LANGUAGE_ITEM_100 = {
  type: 'array',
  items: { type: 'object', required: ['language', 'value'], properties: { language: { type: 'string' }, value: { type: 'string', maxLength: 100 } } },
};
const NULLABLE_STRING = { type: ['string', 'null'] };

export const PTV_EXPORT_SCHEMA = {
  $id: 'opastin:ptv-v11-export',
  type: 'object',
  required: ['services', 'serviceChannels'],
  properties: {
    services: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'serviceNames'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          serviceNames: LOCALIZED_LIST,
          serviceDescriptions: LOCALIZED_LIST,
          serviceChannels: {
            type: 'array',
            items: {
              type: 'object',
              required: ['serviceChannel'],
              properties: { serviceChannel: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } },
            },
          },
        },
      },
    },
    serviceChannels: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'serviceChannelType'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          serviceChannelType: { enum: ['EChannel', 'WebPage', 'PrintableForm', 'Phone', 'ServiceLocation'] },
          serviceChannelNames: LOCALIZED_LIST,
          serviceChannelDescriptions: LOCALIZED_LIST,
          languages: { type: 'array', items: { type: 'string', pattern: '^[a-z]{2}$' } },
          phoneNumbers: {
            type: 'array',
            items: {
              type: 'object',
              required: ['number', 'language'],
              properties: {
                prefixNumber: { type: ['string', 'null'], pattern: '^\\+[0-9]{1,4}$' },
                number: { type: 'string', pattern: '^\\d{1,20}$' },
                language: { enum: ['fi', 'sv', 'en'] },
                isFinnishServiceNumber: { type: 'boolean' },
                additionalInformation: { type: ['string', 'null'], maxLength: 150 },
                serviceChargeType: { enum: ['Chargeable', 'FreeOfCharge', 'Other', 'Charged', 'Free', null] },
                chargeDescription: { type: ['string', 'null'], maxLength: 150 },
              },
              if: { properties: { serviceChargeType: { const: 'Other' } }, required: ['serviceChargeType'] },
              then: { required: ['chargeDescription'], properties: { chargeDescription: { type: 'string', minLength: 1 } } },
            },
          },
          webPages: {
            type: 'array',
            items: {
              type: 'object',
              required: ['url'],
              properties: { url: { type: 'string' }, value: NULLABLE_STRING, language: NULLABLE_STRING, orderNumber: { type: ['integer', 'string', 'null'] } },
            },
          },
          serviceHours: {
            type: 'array',
            items: {
              type: 'object',
              required: ['serviceHourType'],
              properties: {
                serviceHourType: { enum: ['DaysOfTheWeek', 'Exceptional', 'OverMidnight'] },
                validFrom: { type: ['string', 'null'], format: 'date-time' },
                validTo: { type: ['string', 'null'], format: 'date-time' },
                isClosed: { type: 'boolean' },
                validForNow: { type: 'boolean' },
                isAlwaysOpen: { type: 'boolean' },
                isReservation: { type: 'boolean' },
                additionalInformation: LANGUAGE_ITEM_100,
                openingHour: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['dayFrom', 'from', 'to'],
                    properties: {
                      dayFrom: WEEKDAY,
                      dayTo: { anyOf: [WEEKDAY, { const: '' }, { type: 'null' }] },
                      from: { type: 'string', pattern: '^\\d{1,2}:\\d{2}(:\\d{2})?$' },
                      to: { type: 'string', pattern: '^\\d{1,2}:\\d{2}(:\\d{2})?$' },
                      isExtra: { type: 'boolean' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
