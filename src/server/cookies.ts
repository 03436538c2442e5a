/** The session cookie: HttpOnly, SameSite=Lax, Secure when served over HTTPS. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { sessionLifetimeMs } from '../accounts/index.js'
import { sessionCookie } from './plugins/auth.js'

function isHttps(request: FastifyRequest, publicUrl: URL): boolean {
  return publicUrl.protocol === 'https:' || request.protocol === 'https'
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, publicUrl: URL): void {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request, publicUrl),
    maxAge: Math.floor(sessionLifetimeMs / 1000),
  })
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, publicUrl: URL): void {
  reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: isHttps(request, publicUrl) })
}
