// PostCSS for the web app: Mantine's preset gives the `rtl`/`ltr` mixins and rem helpers.
export default {
  plugins: {
    'postcss-preset-mantine': {},
  },
}
