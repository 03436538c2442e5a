/**
 * Short success notices ("Saved") in the bottom corner on the end side, announced politely to
 * screen readers, gone after a few seconds.
 */
import { Notification, Stack } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import { createContext, use, useCallback, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type Notify = (message: string) => void

const NoticeContext = createContext<Notify>(() => undefined)

const visibleForMs = 4000

export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [notices, setNotices] = useState<Array<{ id: number; message: string }>>([])
  const nextId = useRef(0)
  const dismiss = useCallback((id: number) => setNotices((current) => current.filter((notice) => notice.id !== id)), [])
  const notify = useCallback<Notify>(
    (message) => {
      nextId.current += 1
      const id = nextId.current
      setNotices((current) => [...current, { id, message }])
      window.setTimeout(() => dismiss(id), visibleForMs)
    },
    [dismiss],
  )
  return (
    <NoticeContext value={notify}>
      {children}
      <Stack
        gap="xs"
        pos="fixed"
        bottom={16}
        style={{ insetInlineEnd: 16, zIndex: 400, maxWidth: 'calc(100vw - 32px)' }}
        aria-live="polite"
        data-testid="notices"
      >
        {notices.map((notice) => (
          <Notification
            key={notice.id}
            color="teal"
            icon={<IconCheck size={18} />}
            onClose={() => dismiss(notice.id)}
            closeButtonProps={{ 'aria-label': t('common.close') }}
            withBorder
          >
            {/* A notice written before a change of language keeps its own direction. */}
            <span dir="auto">{notice.message}</span>
          </Notification>
        ))}
      </Stack>
    </NoticeContext>
  )
}

/** Shows a short success notice. */
export function useNotice(): Notify {
  return use(NoticeContext)
}
