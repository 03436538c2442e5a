/** The language menu, on every page: each language is listed in its own name and script. */
import { Button, Menu } from '@mantine/core'
import { IconCheck, IconChevronDown, IconLanguage } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { currentLanguage } from './i18n'
import { directionOf, languageNames, languages } from './languages'
import { useChangeLanguage } from './use-change-language'

export function LanguageSwitcher() {
  const { t } = useTranslation()
  const changeLanguage = useChangeLanguage()
  const current = currentLanguage()
  return (
    <Menu position="bottom-end" width={180} shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-md"
          leftSection={<IconLanguage size={18} />}
          rightSection={<IconChevronDown size={14} />}
          aria-label={t('language.choose', { language: languageNames[current] })}
          data-testid="language-switcher"
        >
          {languageNames[current]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {languages.map((code) => (
          <Menu.Item
            key={code}
            lang={code}
            dir={directionOf(code)}
            aria-current={code === current ? 'true' : undefined}
            rightSection={code === current ? <IconCheck size={16} /> : null}
            onClick={() => void changeLanguage(code)}
            data-testid={`lang-option-${code}`}
          >
            {languageNames[code]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
