/** A network's mark (Bluesky's butterfly, Mastodon's logo, a globe for any other network). */
import { IconBrandBluesky, IconBrandMastodon, IconWorld } from '@tabler/icons-react'

const networkColors: Record<string, string> = { bluesky: '#1185fe', mastodon: '#6364ff' }

/** The colour a network is known by, for chips and badges. */
export function networkColor(network: string): string {
  return networkColors[network] ?? 'var(--mantine-color-gray-6)'
}

export function NetworkIcon({ network, size = 16 }: { network: string; size?: number }) {
  const props = { size, color: networkColor(network), 'aria-hidden': true }
  if (network === 'bluesky') return <IconBrandBluesky {...props} />
  if (network === 'mastodon') return <IconBrandMastodon {...props} />
  return <IconWorld {...props} />
}
