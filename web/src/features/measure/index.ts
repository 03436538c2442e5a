/**
 * Measure: the dashboard of what social media brings the business (soft and hard numbers, per
 * day, network, content type and post, best times, influence and equity), and setting up what
 * proves it (link tracking, the website's script, pixel, server call and "How did you hear
 * about us?" form), standalone tracked links with QR codes, and the latest conversions.
 */
export { MeasureDashboardPage } from './dashboard/MeasureDashboardPage'
export { MeasureSetupPage } from './MeasureSetupPage'
export { measureKey, useConversions, useMeasureSettings, useTrackedLinks, type ConversionList } from './measure-queries'
