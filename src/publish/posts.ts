/**
 * Composing: a post is written once and adapted per account (each target may carry its own
 * text). Every target is checked against its network's own rules: media problems block even a
 * draft; text problems block scheduling. Warnings (an image without alt text) never block.
 */
import { AppError, checkDraft, errors, type DraftProblem } from '../domain/index.js'
import {
  attachMedia,
  deletePost as deletePostRow,
  deleteTargets,
  findAccount,
  findAccountsByIds,
  findMediaInfo,
  findPost,
  insertPost,
  insertTarget,
  listMediaOfPosts,
  listPosts,
  listTargets,
  newId,
  updatePost as updatePostRow,
  updateTarget,
  type Account,
  type MediaInfo,
  type Post,
  type PostQuery,
  type PostTarget,
} from '../store/index.js'
import type { RemotePostRef } from '../networks/index.js'
import { capabilitiesOf } from './accounts.js'
import type { PublishActor, PublishContext } from './context.js'

export const contentTypes = ['educate', 'entertain', 'engage', 'empower'] as const
export type ContentType = (typeof contentTypes)[number]

export interface DraftInput {
  text: string
  targets: Array<{ accountId: string; text?: string | null }>
  mediaIds: string[]
  contentType?: ContentType | null
  /** False keeps this post's links as written (no tracked short links). */
  trackLinks?: boolean
  /** The campaign it serves (a plan goal, a promotion): its links' utm_campaign; none gives `social`. */
  campaign?: string | null
}

export interface TargetView {
  target: PostTarget
  account: Account
  /** The text this account will publish. */
  text: string
  problems: DraftProblem[]
}

export interface PostView {
  post: Post
  targets: TargetView[]
  media: MediaInfo[]
}

const mediaKeys = new Set<DraftProblem['key']>(['media_too_many', 'media_kind', 'media_type', 'media_too_large', 'alt_text_too_long'])

/** Problems of one target: its effective text and the post's media against its network. */
function problemsOf(ctx: PublishContext, account: Account, text: string, media: MediaInfo[]): DraftProblem[] {
  const caps = capabilitiesOf(ctx, account)
  return checkDraft({ text, media: media.map((m) => ({ kind: m.kind, mimeType: m.mimeType, size: m.size, altText: m.altText })) }, caps)
}

/** An AppError naming, per account, the blocking problems (field `targets.<accountId>`). */
function draftError(views: Array<{ account: Account; problems: DraftProblem[] }>, blocking: (p: DraftProblem) => boolean): AppError | undefined {
  const fields = views.flatMap(({ account, problems }) =>
    problems
      .filter((p) => p.severity === 'error' && blocking(p))
      .map((p) => ({ field: `targets.${account.id}`, messageKey: p.key, params: { ...p.params, network: account.network, handle: account.handle } })),
  )
  if (fields.length === 0) return undefined
  return new AppError('validation', 'draft_problems', { count: fields.length }, fields)
}

async function loadAccounts(ctx: PublishContext, workspaceId: string, targets: DraftInput['targets']): Promise<Account[]> {
  const ids = [...new Set(targets.map((t) => t.accountId))]
  const accounts: Account[] = []
  for (const id of ids) {
    const account = await findAccount(ctx.db, workspaceId, id)
    if (!account || account.status === 'disconnected') throw errors.notFound('account')
    accounts.push(account)
  }
  return accounts
}

async function loadMedia(ctx: PublishContext, workspaceId: string, ids: string[]): Promise<MediaInfo[]> {
  const found = await findMediaInfo(ctx.db, workspaceId, ids)
  if (found.length !== new Set(ids).size) throw errors.notFound('media')
  return ids.map((id) => found.find((m) => m.id === id)!)
}

/** Checks a draft without saving it: each account's count and problems (the composer's preview). */
export async function previewDraft(ctx: PublishContext, actor: PublishActor, input: DraftInput): Promise<Array<{ account: Account; text: string; problems: DraftProblem[] }>> {
  const accounts = await loadAccounts(ctx, actor.workspaceId, input.targets)
  const media = await loadMedia(ctx, actor.workspaceId, input.mediaIds)
  return input.targets.map((t) => {
    const account = accounts.find((a) => a.id === t.accountId)!
    const text = t.text ?? input.text
    return { account, text, problems: problemsOf(ctx, account, text, media) }
  })
}

/** Saves targets and media of a post from a draft input (inside the caller's transaction). */
async function writeDraft(ctx: PublishContext, postId: string, input: DraftInput, now: number): Promise<void> {
  const existing = await listTargets(ctx.db, [postId])
  await deleteTargets(ctx.db, postId, input.targets.map((t) => t.accountId))
  for (const t of input.targets) {
    const current = existing.find((e) => e.accountId === t.accountId)
    const text = t.text === undefined || t.text === input.text ? null : t.text
    if (current) {
      await updateTarget(ctx.db, current.id, { text, updatedAt: now })
      continue
    }
    await insertTarget(ctx.db, {
      id: newId(now),
      postId,
      accountId: t.accountId,
      text,
      status: 'pending',
      attempts: 0,
      firstAttemptAt: null,
      nextAttemptAt: null,
      remoteId: null,
      remoteCid: null,
      remoteUrl: null,
      publishedAt: null,
      errorKind: null,
      errorReason: null,
      createdAt: now,
      updatedAt: now,
    })
  }
  await attachMedia(ctx.db, postId, input.mediaIds)
}

async function checkInput(ctx: PublishContext, actor: PublishActor, input: DraftInput): Promise<void> {
  const preview = await previewDraft(ctx, actor, input)
  const error = draftError(preview, (p) => mediaKeys.has(p.key))
  if (error) throw error
}

/** Creates a draft post. */
export async function createPost(
  ctx: PublishContext,
  actor: PublishActor,
  input: DraftInput & { source?: Post['source']; sourceRef?: string | null; automated?: boolean; replyTo?: RemotePostRef },
): Promise<PostView> {
  await checkInput(ctx, actor, input)
  const now = ctx.now()
  const post: Post = {
    id: newId(now),
    workspaceId: actor.workspaceId,
    // Automated posts (a feed with auto-publish) have no author: the coach counts them as such.
    authorId: input.automated || !actor.userId ? null : actor.userId,
    text: input.text,
    status: 'draft',
    scheduleMode: null,
    scheduledAt: null,
    scheduleVersion: 0,
    contentType: input.contentType ?? null,
    source: input.source ?? 'composer',
    sourceRef: input.sourceRef ?? null,
    replyTo: input.replyTo ? JSON.stringify(input.replyTo) : null,
    trackLinks: input.trackLinks === false ? 0 : 1,
    campaign: input.campaign?.trim() || null,
    approvedBy: null,
    approvedAt: null,
    createdAt: now,
    updatedAt: now,
  }
  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx }
    await insertPost(trx, post)
    await writeDraft(tctx, post.id, input, now)
  })
  return getPost(ctx, actor.workspaceId, post.id)
}

/** Edits a post that has not started publishing. Editing a scheduled post keeps its schedule. */
export async function updatePost(ctx: PublishContext, actor: PublishActor, postId: string, input: DraftInput): Promise<PostView> {
  const post = await findPost(ctx.db, actor.workspaceId, postId)
  if (!post) throw errors.notFound('post')
  if (!['draft', 'awaiting_approval', 'scheduled'].includes(post.status)) throw errors.conflict('post_not_editable')
  await checkInput(ctx, actor, input)
  const now = ctx.now()
  await ctx.db.transaction().execute(async (trx) => {
    await updatePostRow(trx, post.id, {
      text: input.text,
      contentType: input.contentType ?? null,
      ...(input.trackLinks !== undefined ? { trackLinks: input.trackLinks ? 1 : 0 } : {}),
      ...(input.campaign !== undefined ? { campaign: input.campaign?.trim() || null } : {}),
      updatedAt: now,
    })
    await writeDraft({ ...ctx, db: trx }, post.id, input, now)
  })
  return getPost(ctx, actor.workspaceId, post.id)
}

/** Deletes a post that nothing was published from. */
export async function deletePost(ctx: PublishContext, actor: PublishActor, postId: string): Promise<void> {
  const view = await getPost(ctx, actor.workspaceId, postId)
  if (view.targets.some((t) => t.target.status === 'published' || t.target.status === 'publishing')) {
    throw errors.conflict('post_already_published')
  }
  await deletePostRow(ctx.db, postId)
}

/** Posts with their targets, accounts, effective texts, problems and media. */
export async function viewPosts(ctx: PublishContext, posts: Post[]): Promise<PostView[]> {
  const ids = posts.map((p) => p.id)
  const [targets, media] = await Promise.all([listTargets(ctx.db, ids), listMediaOfPosts(ctx.db, ids)])
  const accountIds = [...new Set(targets.map((t) => t.accountId))]
  const accounts = new Map((await findAccountsByIds(ctx.db, accountIds)).map((a) => [a.id, a]))
  return posts.map((post) => {
    const postMedia = media.filter((m) => m.postId === post.id)
    return {
      post,
      media: postMedia,
      targets: targets
        .filter((t) => t.postId === post.id && accounts.has(t.accountId))
        .map((target) => {
          const account = accounts.get(target.accountId)!
          const text = target.text ?? post.text
          return { target, account, text, problems: ctx.networks.has(account.network) ? problemsOf(ctx, account, text, postMedia) : [] }
        }),
    }
  })
}

export async function getPost(ctx: PublishContext, workspaceId: string, postId: string): Promise<PostView> {
  const post = await findPost(ctx.db, workspaceId, postId)
  if (!post) throw errors.notFound('post')
  const [view] = await viewPosts(ctx, [post])
  return view!
}

export async function findPosts(ctx: PublishContext, workspaceId: string, query: PostQuery): Promise<PostView[]> {
  return viewPosts(ctx, await listPosts(ctx.db, workspaceId, query))
}

/** The blocking problems of a post's targets, as an error; undefined when it can be scheduled. */
export function schedulingProblems(view: PostView): AppError | undefined {
  if (view.targets.length === 0) return new AppError('validation', 'post_no_accounts')
  return draftError(view.targets, () => true)
}
