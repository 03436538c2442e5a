/**
 * The one HTTP error handler: every error leaves as `{error: {code, message, fields?}}` with the
 * message in the request's language. Known errors (AppError, schema validation, body parsing,
 * rate limits) map to their code; anything else is logged and answered as `internal`.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { AppError, type MessageParams } from '../../domain/index.js'
import { formatList, type Translate } from '../../i18n/index.js'
import type { App } from '../types.js'

interface FieldProblem {
  field: string
  message: string
}

interface ValidationIssue {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
}

function valueAt(source: unknown, path: string[]): unknown {
  let value = source
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[segment]
  }
  return value
}

/** The message key and params for one schema issue (zod issue codes). */
function describeIssue(issue: ValidationIssue, input: unknown): { key: string; params: MessageParams } {
  const p = issue.params
  const path = issue.instancePath.split('/').filter(Boolean)
  if (path.length > 0 && issue.keyword !== 'unrecognized_keys' && valueAt(input, path) === undefined) {
    return { key: 'required', params: {} }
  }
  switch (issue.keyword) {
    case 'invalid_type':
      return { key: 'invalid_type', params: {} }
    case 'too_small':
      return p.origin === 'string'
        ? { key: 'too_short', params: { count: Number(p.minimum) } }
        : { key: 'too_small', params: { minimum: Number(p.minimum) } }
    case 'too_big':
      return p.origin === 'string'
        ? { key: 'too_long', params: { count: Number(p.maximum) } }
        : { key: 'too_big', params: { maximum: Number(p.maximum) } }
    case 'invalid_format':
      if (p.format === 'email') return { key: 'invalid_email', params: {} }
      if (p.format === 'url') return { key: 'invalid_url', params: {} }
      return { key: 'invalid_format', params: {} }
    case 'invalid_value':
      return { key: 'invalid_option', params: { options: (p.values as unknown[] | undefined)?.map(String).join(', ') ?? '' } }
    case 'unrecognized_keys':
      return { key: 'unrecognized_keys', params: { keys: (p.keys as unknown[] | undefined)?.map(String).join(', ') ?? '' } }
    case 'custom': {
      const key = (p.params as { key?: unknown } | undefined)?.key
      return { key: typeof key === 'string' ? key : 'invalid', params: {} }
    }
    default:
      return { key: 'invalid', params: {} }
  }
}

function fieldLabel(t: Translate, field: string): string {
  const last = field.split('.').pop() ?? field
  return t(`fields.${last}`, { defaultValue: field })
}

function send(reply: FastifyReply, status: number, code: string, message: string, fields?: FieldProblem[]) {
  return reply.code(status).send({ error: { code, message, ...(fields && fields.length > 0 ? { fields } : {}) } })
}

/** Installs the error and not-found handlers on the app. */
export function registerErrorHandling(app: App): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const t = request.t
    if (error instanceof AppError) {
      // A key with a dot names its catalog section itself (e.g. `listen.query_errors.…`).
      const fields = error.fields.map((f) => ({ field: f.field, message: t(f.messageKey.includes('.') ? f.messageKey : `validation.${f.messageKey}`, f.params ?? {}) }))
      return send(reply, error.status, error.code, t(`errors.${error.messageKey}`, error.params), fields)
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body'
      const input = context === 'body' ? request.body : context === 'params' ? request.params : request.query
      const fields = (error.validation as unknown as ValidationIssue[]).map((issue) => {
        const { key, params } = describeIssue(issue, input)
        const field = issue.instancePath.split('/').filter(Boolean).join('.') || context
        return { field, message: t(`validation.${key}`, params) }
      })
      const names = [...new Set(fields.map((f) => fieldLabel(t, f.field)))]
      const message = t('errors.validation', { count: names.length, fields: formatList(request.locale, names) })
      return send(reply, 400, 'validation', message, fields)
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema')
      return send(reply, 500, 'internal', t('errors.internal'))
    }
    const status = error.statusCode ?? 500
    if (status >= 500) {
      request.log.error({ err: error }, 'unhandled error')
      return send(reply, 500, 'internal', t('errors.internal'))
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, 415, 'unsupported_media_type', t('errors.unsupported_media_type'))
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, 413, 'payload_too_large', t('errors.payload_too_large'))
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
      return send(reply, 400, 'bad_json', t('errors.bad_json'))
    }
    request.log.warn({ err: error }, 'client error')
    return send(reply, status, 'bad_request', t('errors.bad_request'))
  })

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, 'not_found', request.t('errors.not_found_route', { method: request.method, url: request.url.split('?')[0] })),
  )
}
