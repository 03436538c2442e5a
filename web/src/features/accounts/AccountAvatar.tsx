/** An account's picture (or its initials) with its network's mark in the corner. */
import { Avatar, Box } from '@mantine/core'
import type { AccountRef } from '../../app/publish-types'
import { NetworkIcon } from './NetworkIcon'

function initialsOf(name: string): string {
  return [...name.replace(/^@/, '')]
    .filter((char) => /[\p{L}\p{N}]/u.test(char))
    .slice(0, 2)
    .join('')
    .toLocaleUpperCase()
}

export interface AccountAvatarProps {
  account: Pick<AccountRef, 'network' | 'displayName' | 'handle' | 'avatarUrl'>
  size?: number
}

export function AccountAvatar({ account, size = 40 }: AccountAvatarProps) {
  const badge = Math.max(14, Math.round(size * 0.42))
  return (
    <Box pos="relative" w={size} h={size} style={{ flexShrink: 0 }}>
      <Avatar src={account.avatarUrl} alt="" size={size} radius="xl" color="indigo">
        {initialsOf(account.displayName || account.handle)}
      </Avatar>
      <Box
        pos="absolute"
        bottom={-2}
        w={badge}
        h={badge}
        bg="white"
        style={{ insetInlineEnd: -2, borderRadius: '50%', display: 'grid', placeItems: 'center', boxShadow: '0 0 0 1px var(--mantine-color-gray-3)' }}
      >
        <NetworkIcon network={account.network} size={badge - 4} />
      </Box>
    </Box>
  )
}
