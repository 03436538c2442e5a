/**
 * The script a business pastes on its website (`<script src="…/m.js" data-site-key="…" async>`)
 * and the pixel for places where no script runs. Plain ES5 so it runs in any browser, no
 * dependencies, a couple of kilobytes. It:
 * - keeps the click id a tracked link put on the landing URL (`sc_click`) in a first-party cookie
 *   for 30 days, so a purchase pages later is still tied to the post that brought the visitor;
 * - exposes `stagecraft.convert(type, { value, currency, dedupeKey })`, which sends the
 *   conversion to the app without credentials and returns a promise that never rejects (a
 *   tracking call must not break the shop's own code): `{ ok, status, recorded }`;
 * - puts the "How did you hear about us?" form in an iframe inside each `[data-stagecraft-hear]`.
 * It learns the app's address from its own `src`, so the same file serves every workspace.
 */
import { locales, type Locale } from '../domain/index.js'
import { translator } from '../i18n/index.js'

/** The cookie (first-party, on the business's site) that carries the click id across pages. */
export const clickCookieName = 'sc_click'
/** The landing URL's parameter that the redirect adds. */
export const clickParamName = 'sc_click'
export const clickCookieDays = 30

const source = `(function (w, d) {
  'use strict';
  if (w.stagecraft && w.stagecraft.convert) return;
  var TITLES = __TITLES__;
  var NAME = '${clickCookieName}', PARAM = '${clickParamName}', DAYS = ${clickCookieDays};
  var TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
  var script = d.currentScript;
  if (!script) {
    var all = d.querySelectorAll('script[data-site-key]');
    script = all[all.length - 1];
  }
  if (!script) return;
  var siteKey = script.getAttribute('data-site-key') || '';
  var a = d.createElement('a');
  a.href = script.src;
  var origin = a.protocol + '//' + a.host;

  function param(name) {
    var m = new RegExp('[?&]' + name + '=([^&#]*)').exec(w.location.search);
    if (!m) return null;
    try { return decodeURIComponent(m[1].replace(/\\+/g, ' ')); } catch (e) { return null; }
  }
  function cookie(name) {
    var parts = d.cookie ? d.cookie.split(';') : [];
    for (var i = 0; i < parts.length; i++) {
      var p = parts[i].replace(/^\\s+/, '');
      if (p.indexOf(name + '=') === 0) return p.substring(name.length + 1);
    }
    return null;
  }

  var landed = param(PARAM);
  if (landed && TOKEN.test(landed)) {
    d.cookie = NAME + '=' + landed + '; Max-Age=' + (DAYS * 86400) + '; Path=/; SameSite=Lax' + (w.location.protocol === 'https:' ? '; Secure' : '');
  } else {
    landed = null;
  }
  // The URL's id wins (a new visit), then the cookie; a page where cookies are off still has the URL.
  function clickId() {
    var id = landed || cookie(NAME);
    return id && TOKEN.test(id) ? id : null;
  }
  function lang() {
    return (d.documentElement.getAttribute('lang') || w.navigator.language || '').split('-')[0].toLowerCase();
  }
  function settle(value) {
    return w.Promise ? w.Promise.resolve(value) : value;
  }

  function convert(type, options) {
    options = options || {};
    var body = { siteKey: siteKey, type: String(type) };
    if (options.value !== undefined && options.value !== null && options.value !== '') {
      var n = Number(options.value);
      // A value that is not a number goes as it is, so the app says which field is wrong.
      body.value = isFinite(n) ? n : String(options.value);
    }
    if (options.currency) body.currency = String(options.currency);
    if (options.dedupeKey) body.dedupeKey = String(options.dedupeKey);
    var id = clickId();
    if (id) body.clickId = id;
    var url = origin + '/api/public/conversions';
    // text/plain keeps the request "simple": no preflight, so it survives the page unloading.
    var payload = JSON.stringify(body);
    if (w.fetch) {
      return w.fetch(url, { method: 'POST', body: payload, headers: { 'content-type': 'text/plain;charset=UTF-8' }, credentials: 'omit', mode: 'cors', keepalive: true })
        .then(function (r) {
          return r.json().then(function (j) {
            return { ok: r.ok, status: r.status, recorded: !!(j && j.recorded), error: j && j.error ? j.error : null };
          }, function () { return { ok: r.ok, status: r.status, recorded: false, error: null }; });
        }, function () { return { ok: false, status: 0, recorded: false, error: null }; });
    }
    if (w.navigator.sendBeacon) {
      var sent = w.navigator.sendBeacon(url, payload);
      return settle({ ok: sent, status: 0, recorded: false, error: null });
    }
    return settle({ ok: false, status: 0, recorded: false, error: null });
  }

  function hear() {
    var nodes = d.querySelectorAll('[data-stagecraft-hear]');
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      if (node.getAttribute('data-stagecraft-ready')) continue;
      node.setAttribute('data-stagecraft-ready', '1');
      var l = lang();
      var frame = d.createElement('iframe');
      var id = clickId();
      frame.src = origin + '/f/hear/' + encodeURIComponent(siteKey) + '?click=' + encodeURIComponent(id || '') + '&lang=' + encodeURIComponent(l);
      frame.title = TITLES[l] || TITLES.en;
      frame.setAttribute('loading', 'lazy');
      frame.style.border = '0';
      frame.style.width = '100%';
      frame.style.height = (node.getAttribute('data-height') || '440') + 'px';
      node.appendChild(frame);
    }
  }

  w.stagecraft = { convert: convert, clickId: clickId, hear: hear };
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', hear);
  else hear();
})(window, document);
`

let built: string | undefined

/** The script's text, with the form's title in every language (for the iframe's accessible name). */
export function siteScript(): string {
  if (built) return built
  const titles = Object.fromEntries(locales.map((locale: Locale) => [locale, translator(locale)('measure.form.question')]))
  // JSON is valid ES5; `<` is escaped so no title can close a script element it is inlined in.
  built = source.replace('__TITLES__', JSON.stringify(titles).replace(/</g, '\\u003c'))
  return built
}

/** A 1×1 transparent GIF: what the pixel always answers. */
export const transparentGif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
