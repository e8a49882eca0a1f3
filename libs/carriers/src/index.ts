export {
  type CarrierDefinition,
  type CarrierCodeMapping,
  type CarrierSource,
  TRACKING_NUMBER_PLACEHOLDER,
} from './carrier-definition';
export { CARRIER_SLUGS, listCarriers, getCarrier, carrierTrackingUrl } from './registry';
export {
  normalizeCarrierEvent,
  type CarrierEventInput,
  type NormalizedCarrierEvent,
} from './normalize-carrier-event';
export { KEYWORD_RULES, matchKeywordRules, type KeywordRule, type KeywordMatch } from './keyword-rules';
