/** Signing in and out: the login page and the logout action. */
export { LoginPage } from './LoginPage'
export { useLogout } from './use-logout'
