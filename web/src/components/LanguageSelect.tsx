/** A form field choosing one of Stagecraft's languages, each written in itself. */
import { Select, type SelectProps } from '@mantine/core'
import { languageNames, languages, type Language } from '../i18n/languages'

const options = languages.map((code) => ({ value: code, label: languageNames[code] }))

export interface LanguageSelectProps extends Omit<SelectProps<Language>, 'data' | 'value' | 'onChange'> {
  value: Language
  onChange: (language: Language) => void
}

export function LanguageSelect({ value, onChange, ...props }: LanguageSelectProps) {
  return (
    <Select<Language>
      allowDeselect={false}
      data={options}
      value={value}
      onChange={(language) => {
        if (language) onChange(language)
      }}
      {...props}
    />
  )
}
