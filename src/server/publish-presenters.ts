/** Shapes publishing's rows for the API; messages are in the request's language. */
import type { z } from 'zod'
import { countText, type DraftProblem } from '../domain/index.js'
import type { Translate } from '../i18n/index.js'
import type { Capabilities } from '../networks/index.js'
import type { AccountView, ContentType, PostView, TargetView } from '../publish/index.js'
import type { Account, MediaInfo } from '../store/index.js'
import type { accountSchema, mediaSchema, postSchema, problemSchema, targetSchema } from './publish-schemas.js'

type NetworkNames = (network: string) => string

function presentCapabilities(caps: Capabilities): z.infer<typeof accountSchema>['capabilities'] {
  return { text: caps.text, media: { ...caps.media, maxBytes: { ...caps.media.maxBytes } }, threads: caps.threads, linkCards: caps.linkCards }
}

export function presentAccount({ account, capabilities }: AccountView, networkName: NetworkNames): z.infer<typeof accountSchema> {
  return {
    id: account.id,
    network: account.network,
    networkName: networkName(account.network),
    handle: account.handle,
    displayName: account.displayName,
    avatarUrl: account.avatarUrl,
    profileUrl: account.profileUrl,
    status: account.status,
    statusReason: account.statusReason,
    expiresAt: account.expiresAt,
    checkedAt: account.checkedAt,
    capabilities: presentCapabilities(capabilities),
  }
}

export function presentProblem(problem: DraftProblem, t: Translate): z.infer<typeof problemSchema> {
  return {
    key: problem.key,
    severity: problem.severity,
    message: t(`validation.${problem.key}`, problem.params),
    ...(problem.media !== undefined ? { media: problem.media } : {}),
  }
}

export function presentMedia(media: MediaInfo): z.infer<typeof mediaSchema> {
  return {
    id: media.id,
    kind: media.kind,
    mimeType: media.mimeType,
    size: media.size,
    width: media.width,
    height: media.height,
    altText: media.altText,
    url: `/api/media/${media.id}`,
  }
}

function presentTarget(view: TargetView, t: Translate, networkName: NetworkNames, capabilities: (a: Account) => Capabilities): z.infer<typeof targetSchema> {
  const { target, account } = view
  const rules = capabilities(account).text
  return {
    id: target.id,
    account: {
      id: account.id,
      network: account.network,
      networkName: networkName(account.network),
      handle: account.handle,
      displayName: account.displayName,
      avatarUrl: account.avatarUrl,
      status: account.status,
    },
    text: view.text,
    customText: target.text !== null,
    status: target.status,
    remoteUrl: target.remoteUrl,
    publishedAt: target.publishedAt,
    attempts: target.attempts,
    nextAttemptAt: target.nextAttemptAt,
    error: target.errorKind
      ? {
          kind: target.errorKind,
          reason: target.errorReason,
          message: t(`publish.error_${target.errorKind}`, { reason: target.errorReason ?? '', network: networkName(account.network) }),
        }
      : null,
    length: countText(view.text, rules),
    maxLength: rules.maxLength,
    problems: view.problems.map((p) => presentProblem(p, t)),
  }
}

export function presentPost(view: PostView, t: Translate, networkName: NetworkNames, capabilities: (a: Account) => Capabilities): z.infer<typeof postSchema> {
  const { post } = view
  return {
    id: post.id,
    text: post.text,
    status: post.status,
    scheduleMode: post.scheduleMode,
    scheduledAt: post.scheduledAt,
    contentType: post.contentType as ContentType | null,
    trackLinks: post.trackLinks === 1,
    campaign: post.campaign,
    source: post.source,
    authorId: post.authorId,
    approvedBy: post.approvedBy,
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
    media: view.media.map(presentMedia),
    targets: view.targets.map((target) => presentTarget(target, t, networkName, capabilities)),
  }
}
