/** The dashboard through the API: its figures for a period (and a network), and its downloads. */
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { DashboardCsvTable, MeasureDashboard } from '../../../app/measure-types'
import { api } from '../../../app/query-client'
import { measureKey } from '../measure-queries'

export const dashboardKey = [...measureKey, 'dashboard'] as const

export interface DashboardRequest {
  from: string
  to: string
  /** One network's figures only; all networks when absent. */
  network?: string
}

function query(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined))
  return params.toString()
}

export function useDashboard(request: DashboardRequest, enabled = true) {
  return useQuery({
    queryKey: [...dashboardKey, request.from, request.to, request.network ?? null],
    queryFn: () => api.get<MeasureDashboard>(`/api/measure/dashboard?${query({ from: request.from, to: request.to, network: request.network })}`),
    // Changing the period keeps the figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    enabled,
  })
}

/** One of the dashboard's tables as a CSV file, for a spreadsheet. */
export function dashboardCsvUrl(from: string, to: string, table: DashboardCsvTable): string {
  return `/api/measure/dashboard.csv?${query({ from, to, table })}`
}

/** The dashboard as a PDF report in the reader's language. */
export function reportPdfUrl(from: string, to: string): string {
  return `/api/measure/report.pdf?${query({ from, to })}`
}
