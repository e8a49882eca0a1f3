export {
  type CarrierDefinition,
  type CarrierCodeMapping,
  type CarrierSource,
  TRACKING_NUMBER_PLACEHOLDER,
  DEFAULT_STALL_AFTER_HOURS,
} from './carrier-definition';
export { CARRIER_SLUGS, listCarriers, getCarrier, carrierTrackingUrl, stallAfterHoursOf } from './registry';
export {
  normalizeCarrierEvent,
  type CarrierEventInput,
  type NormalizedCarrierEvent,
} from './normalize-carrier-event';
export { KEYWORD_RULES, matchKeywordRules, type KeywordRule, type KeywordMatch } from './keyword-rules';
