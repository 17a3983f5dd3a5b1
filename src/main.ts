// Everything Apps Script can call, and nothing else. The build turns each export into a
// top-level function declaration (with its JSDoc) in build/Code.js.
export {
  AOV,
  AWARENESS_VALUE,
  BRAND_REFERRAL_BONUS,
  CAC,
  CONVERSION_RATE,
  CPC,
  CPE,
  CPM,
  EMV,
  ENGAGEMENT_BENCHMARK,
  ENGAGEMENT_RATE,
  INFLUENCER_TIER,
  LTV,
  ROAS,
  ROI,
  UTM_LINK,
} from './functions/catalog';
