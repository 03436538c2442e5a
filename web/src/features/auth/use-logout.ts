/** Logging out: ends the session on the server, forgets it here, and goes to the login page. */
import { useMutation } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { ApiError } from '../../app/api-client'
import { api } from '../../app/query-client'
import { paths } from '../../app/paths'
import { useSessionUpdates } from '../../app/session'

export function useLogout() {
  const { signedOut } = useSessionUpdates()
  const navigate = useNavigate()
  const leave = () => {
    signedOut()
    void navigate(paths.login, { replace: true })
  }
  return useMutation({
    mutationFn: () => api.delete('/api/session'),
    onSuccess: leave,
    onError: (error) => {
      // An expired session is already logged out.
      if (error instanceof ApiError && error.status === 401) leave()
    },
  })
}
