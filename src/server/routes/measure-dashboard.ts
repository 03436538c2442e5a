/**
 * The measure dashboard and its exports: the figures of a period as JSON, as CSV (posts, days or
 * networks) and as a PDF report in the reader's language. Measure jobs' "sync now" lives here too.
 */
import { z } from 'zod'
import { csvFileName, dashboardCsv, dashboardPdf, measureDashboard, type DashboardQuery, type MeasureContext } from '../../measure/index.js'
import { findWorkspace } from '../../store/index.js'
import { dashboardSchema } from '../measure-dashboard-schema.js'
import type { App } from '../types.js'
import { actorOf } from './deps.js'

const tags = ['measure']
const day = z.string().max(10).describe('a workspace day, YYYY-MM-DD')
const period = z.object({
  from: day,
  to: day,
  network: z.string().max(40).optional().describe('only this network (e.g. bluesky)'),
})

export function measureDashboardRoutes(app: App, ctx: MeasureContext): void {
  const query = (q: z.infer<typeof period>): DashboardQuery => ({ from: q.from, to: q.to, ...(q.network ? { network: q.network } : {}) })
  const networkName = (id: string) => ctx.networks.get(id)?.displayName ?? id

  app.get(
    '/api/measure/dashboard',
    {
      config: { access: 'measure.read' },
      schema: {
        tags,
        summary: 'Soft and hard numbers of a period, compared with the period before, per day, network, content type and post; influence and equity',
        querystring: period,
        response: { 200: dashboardSchema },
      },
    },
    async (request) => measureDashboard(ctx, actorOf(request).workspaceId, query(request.query)),
  )

  app.get(
    '/api/measure/dashboard.csv',
    {
      config: { access: 'measure.read' },
      schema: {
        tags,
        summary: "The period's posts, days or networks as CSV (UTF-8, headers in the reader's language, plain numbers)",
        querystring: period.extend({ table: z.enum(['posts', 'daily', 'networks']).default('posts') }),
      },
    },
    async (request, reply) => {
      const { table } = request.query
      const dashboard = await measureDashboard(ctx, actorOf(request).workspaceId, query(request.query), { allPosts: table === 'posts' })
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csvFileName(table, dashboard.period)}"`)
        .send(dashboardCsv(dashboard, table, { t: request.t, networkName }))
    },
  )

  app.get(
    '/api/measure/report.pdf',
    { config: { access: 'measure.read' }, schema: { tags, summary: "The period's report as a PDF in the reader's language", querystring: period } },
    async (request, reply) => {
      const { workspaceId } = actorOf(request)
      const dashboard = await measureDashboard(ctx, workspaceId, query(request.query))
      const workspace = await findWorkspace(ctx.db, workspaceId)
      const pdf = await dashboardPdf(dashboard, { locale: request.locale, t: request.t, workspaceName: workspace?.name ?? '', networkName, now: ctx.now() })
      const name = `stagecraft-report-${dashboard.period.from}_${dashboard.period.to}.pdf`
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(pdf)
    },
  )
}
