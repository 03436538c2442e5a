/**
 * The plan as a PDF in the reader's language (right-to-left for Arabic and Hebrew): the seven
 * steps, each goal with its target, date and live value.
 */
import { contentTypes, equityParts, measureKinds, toolFamilies, type Locale } from '../domain/index.js'
import { translator } from '../i18n/index.js'
import { renderPdf, type PdfBlock } from '../pdf/index.js'
import type { CoachContext } from './context.js'
import { getPlan } from './plan.js'
import { errors } from '../domain/index.js'
import { findWorkspace } from '../store/index.js'

/** Renders the workspace's plan; not found when there is none. */
export async function planPdf(ctx: CoachContext, workspaceId: string, locale: Locale): Promise<Buffer> {
  const [view, workspace] = await Promise.all([getPlan(ctx, workspaceId), findWorkspace(ctx.db, workspaceId)])
  if (!view.plan) throw errors.notFound('plan')
  const plan = view.plan
  const t = translator(locale)
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))
  const blocks: PdfBlock[] = []

  blocks.push({ kind: 'heading', level: 1, text: t('coach.pdf.goals') })
  for (const goal of plan.goals) {
    const live = view.live.find((entry) => entry.goalId === goal.id)
    blocks.push({ kind: 'heading', level: 2, text: goal.text })
    blocks.push({
      kind: 'table',
      rows: [
        [t('coach.pdf.area'), t(`coach.labels.areas.${goal.area}`)],
        [t('coach.pdf.measure'), t(`coach.labels.metrics.${goal.metric}`)],
        [t('coach.pdf.target'), number.format(goal.target)],
        [t('coach.pdf.due'), date(goal.due)],
        [
          t('coach.pdf.now'),
          live?.value !== null && live?.value !== undefined ? `${number.format(live.value)} · ${t(`coach.labels.status.${live.status}`)}` : live?.waitingFor ? t(live.waitingFor.key, live.waitingFor.params) : '—',
        ],
      ],
    })
  }
  if (plan.limits.trim()) blocks.push({ kind: 'heading', level: 2, text: t('coach.pdf.limits') }, { kind: 'paragraph', text: plan.limits })

  blocks.push({ kind: 'heading', level: 1, text: t('coach.pdf.audience') })
  if (plan.audience.trim()) blocks.push({ kind: 'paragraph', text: plan.audience })
  if (plan.networks.length > 0) blocks.push({ kind: 'table', rows: plan.networks.map((n) => [n.network, n.why] as [string, string]) })

  blocks.push({ kind: 'heading', level: 1, text: t('coach.pdf.mix') })
  blocks.push({
    kind: 'table',
    rows: contentTypes.flatMap((type) => {
      const planned = plan.mix[type]
      if (!planned) return []
      const actual = view.actualMix[type] ?? 0
      return [[t(`coach.labels.content_types.${type}`), t('coach.pdf.mix_row', { planned: number.format(planned), actual: number.format(actual) })] as [string, string]]
    }),
  })

  blocks.push({ kind: 'heading', level: 1, text: t('coach.pdf.tools') })
  const toolRows = toolFamilies.flatMap((family) => {
    const tools = plan.tools[family] ?? []
    return tools.length > 0 ? [[t(`coach.labels.tool_families.${family}`), tools.join(', ')] as [string, string]] : []
  })
  blocks.push(toolRows.length > 0 ? { kind: 'table', rows: toolRows } : { kind: 'note', text: t('coach.pdf.none') })

  blocks.push({ kind: 'heading', level: 1, text: t('coach.pdf.measures') })
  blocks.push({ kind: 'list', items: measureKinds.filter((kind) => plan.measures.includes(kind)).map((kind) => t(`coach.labels.measures.${kind}`)) })
  const equityRows = equityParts.flatMap((part) => {
    const target = plan.equityTargets[part]
    return target !== undefined ? [[t(`coach.labels.equity.${part}`), number.format(target)] as [string, string]] : []
  })
  if (equityRows.length > 0) blocks.push({ kind: 'table', rows: equityRows })

  blocks.push({ kind: 'heading', level: 1, text: t('coach.pdf.fuel') })
  blocks.push({ kind: 'table', rows: [[t('coach.pdf.hours'), number.format(plan.hoursPerWeek)], ...plan.people.map((p) => [`${p.name} · ${p.role}`, number.format(p.hoursPerWeek)] as [string, string])] })
  if (view.fuel) blocks.push({ kind: 'note', text: t(view.fuel.message.key, view.fuel.message.params) })
  if (plan.contentSources.length > 0) blocks.push({ kind: 'list', items: plan.contentSources })

  blocks.push({ kind: 'heading', level: 1, text: t('coach.pdf.risks') })
  if (plan.risks.trim()) blocks.push({ kind: 'paragraph', text: plan.risks })
  if (plan.reviewDates.length > 0) blocks.push({ kind: 'list', items: plan.reviewDates.map((d) => t('coach.pdf.review_on', { date: date(d) })) })

  return renderPdf({
    locale,
    title: t('coach.pdf.title', { name: workspace?.name ?? '' }),
    subtitle: t('coach.pdf.updated', { date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(view.updatedAt ?? ctx.now())) }),
    blocks,
    footer: t('coach.pdf.footer'),
  })
}
