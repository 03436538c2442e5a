/**
 * Measure: setting up what proves the return on social media (link tracking, the website's
 * script, pixel, server call and "How did you hear about us?" form), standalone tracked links
 * with QR codes, and the latest conversions.
 */
export { MeasureSetupPage } from './MeasureSetupPage'
export { measureKey, useConversions, useMeasureSettings, useTrackedLinks, type ConversionList } from './measure-queries'
