/** Uploading an image with its description, and changing the description later. */
import { useMutation } from '@tanstack/react-query'
import type { Media } from '../../app/publish-types'
import { api } from '../../app/query-client'

export function useUploadMedia() {
  return useMutation({
    mutationFn: ({ file, altText }: { file: File; altText: string }) => {
      const form = new FormData()
      // The server reads fields that come before the file, so the description goes first.
      form.append('altText', altText)
      form.append('file', file)
      return api.upload<{ media: Media }>('/api/media', form).then((data) => data.media)
    },
  })
}

export function useSetAltText() {
  return useMutation({
    mutationFn: ({ id, altText }: { id: string; altText: string }) =>
      api.patch<{ media: Media }>(`/api/media/${encodeURIComponent(id)}`, { altText }).then((data) => data.media),
  })
}
