/**
 * Checking a file before it is uploaded, against what every chosen network takes
 * (`capabilities.media`): its type, its size for its kind, and how many images a post may carry.
 * The server checks again; this saves a wasted upload and says which network refuses what.
 */
import type { MediaRules } from '../../app/publish-types'

export interface NetworkMediaRules {
  /** The network's name, for the message. */
  name: string
  media: MediaRules
}

export type FileProblem =
  | { network: string; problem: 'type'; type: string }
  | { network: string; problem: 'size'; maxBytes: number }
  | { network: string; problem: 'count'; max: number }

/** The kind of attachment a file is, as networks sort them. */
export function mediaKindOf(type: string): string {
  if (type === 'image/gif') return 'gif'
  if (type.startsWith('video/')) return 'video'
  return 'image'
}

/** Why each network would refuse the file as the post's next attachment; empty when all take it. */
export function checkFile(file: { type: string; size: number }, attached: number, networks: readonly NetworkMediaRules[]): FileProblem[] {
  const problems: FileProblem[] = []
  const kind = mediaKindOf(file.type)
  for (const { name, media } of networks) {
    if (attached + 1 > media.maxCount) problems.push({ network: name, problem: 'count', max: media.maxCount })
    else if (!media.kinds.includes(kind) || !media.mimeTypes.includes(file.type)) problems.push({ network: name, problem: 'type', type: file.type || '?' })
    else if (media.maxBytes[kind] !== undefined && file.size > media.maxBytes[kind]) problems.push({ network: name, problem: 'size', maxBytes: media.maxBytes[kind] })
  }
  return problems
}

/** File types every chosen network takes (for the file picker), or any image when none is chosen. */
export function acceptedTypes(networks: readonly NetworkMediaRules[]): string {
  if (networks.length === 0) return 'image/*'
  const [first, ...rest] = networks
  const shared = first!.media.mimeTypes.filter((type) => rest.every((network) => network.media.mimeTypes.includes(type)))
  return shared.join(',')
}

/** The fewest images any chosen network takes in one post. */
export function maxAttachments(networks: readonly NetworkMediaRules[], fallback = 4): number {
  return networks.length === 0 ? fallback : Math.min(...networks.map((network) => network.media.maxCount))
}

/** The shortest alt text limit among the chosen networks, if any sets one. */
export function altTextLimit(networks: readonly NetworkMediaRules[]): number | undefined {
  const limits = networks.flatMap((network) => (network.media.altTextMaxLength === undefined ? [] : [network.media.altTextMaxLength]))
  return limits.length === 0 ? undefined : Math.min(...limits)
}
