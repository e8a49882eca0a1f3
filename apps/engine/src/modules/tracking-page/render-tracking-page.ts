import { LOCALES, type Locale, statusLabel, substatusLabel } from '@postino/status';
import { html, SafeHtml } from './html';
import { LANGUAGE_NAMES, TRACKING_PAGE_TEXTS } from './tracking-page-texts';
import type { TrackingPageEvent, TrackingPageView } from './tracking-page-view';
import { type TrackingProgress, trackingProgress } from './tracking-progress';

/*
 * The plain, unbranded tracking page: a pure function of its view, so the designable page can replace it
 * without touching how the data is found. No script and no external resource (the CSP forbids both).
 */

const STYLE = `
:root{color-scheme:light;--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--accent:#2563eb;--good:#15803d;--warn:#b45309}
*{box-sizing:border-box}
body{margin:0;background:#f3f4f6;color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:40rem;margin:0 auto;padding:1rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;margin-bottom:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.merchant{margin:0 0 .25rem;font-weight:600;color:var(--muted)}
h1{margin:0;font-size:1.75rem;line-height:1.2}
.tone-good h1{color:var(--good)}
.tone-attention h1{color:var(--warn)}
.substatus{margin:.25rem 0 0;font-size:1.05rem}
.updated{margin:.5rem 0 0;color:var(--muted);font-size:.875rem}
.progress{display:flex;list-style:none;margin:1.5rem 0 0;padding:0}
.progress li{flex:1;position:relative;padding:1.4rem .25rem 0;text-align:center;font-size:.75rem;line-height:1.3;color:var(--muted)}
.progress li::before{content:"";position:absolute;top:.35rem;left:-50%;right:50%;height:4px;background:var(--line)}
.progress li:first-child::before{display:none}
.progress li::after{content:"";position:absolute;z-index:1;top:0;left:50%;width:1rem;height:1rem;margin-left:-.5rem;border-radius:50%;background:#fff;border:3px solid var(--line)}
.progress .done::before,.progress .current::before{background:var(--accent)}
.progress .done::after,.progress .current::after{background:var(--accent);border-color:var(--accent)}
.progress .current{color:var(--ink);font-weight:600}
.tone-attention .progress .current::after{background:var(--warn);border-color:var(--warn)}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.75rem 1rem;margin:0}
.facts dt{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.button{display:inline-block;margin-top:1rem;padding:.6rem 1rem;border-radius:8px;background:var(--accent);color:#fff;text-decoration:none;font-weight:600}
h2{font-size:1.1rem;margin:0 0 .75rem}
.timeline{list-style:none;margin:0;padding:0}
.timeline li{position:relative;margin-left:.35rem;padding:0 0 1rem 1.25rem;border-left:2px solid var(--line)}
.timeline li:last-child{border-left-color:transparent;padding-bottom:0}
.timeline li::before{content:"";position:absolute;left:-.45rem;top:.3rem;width:.8rem;height:.8rem;border-radius:50%;background:var(--line)}
.timeline li:first-child::before{background:var(--accent)}
.timeline time{display:block;font-size:.8rem;color:var(--muted)}
.timeline p{margin:0;overflow-wrap:anywhere}
.event-status{font-weight:600}
.event-location{color:var(--muted);font-size:.875rem}
.empty{margin:0;color:var(--muted)}
footer{padding:0 1rem 2rem;text-align:center;font-size:.875rem;color:var(--muted)}
footer a{color:inherit;margin:0 .35rem}
footer strong{margin:0 .35rem}
`;

function layout(locale: Locale, title: string, body: SafeHtml): string {
  return `<!doctype html>${html`<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
${body}
${languageSwitch(locale)}
</body>
</html>`}`;
}

/** Plain links: choosing a language needs no script. */
function languageSwitch(current: Locale): SafeHtml {
  const choices = LOCALES.map((locale) =>
    locale === current
      ? html`<strong aria-current="true">${LANGUAGE_NAMES[locale]}</strong>`
      : html`<a href="?lang=${locale}" hreflang="${locale}" lang="${locale}">${LANGUAGE_NAMES[locale]}</a>`,
  );
  return html`<footer><nav aria-label="${TRACKING_PAGE_TEXTS[current].language}">${choices}</nav></footer>`;
}

type DateTimeHtml = (date: Date) => SafeHtml;

/** The customer's local date and time, machine-readable in `datetime`. */
function dateTimeHtml(locale: Locale, timeZone: string): DateTimeHtml {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (date) => html`<time datetime="${date.toISOString()}">${format.format(date)}</time>`;
}

/** A calendar date is the same day everywhere: formatted in UTC, where it was built, so it cannot shift. */
function formatCalendarDate(isoDate: string, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

function progressBar(progress: TrackingProgress, locale: Locale): SafeHtml {
  const items = progress.steps.map((step) => {
    const current = step.state === 'current' && html` aria-current="step"`;
    return html`<li class="${step.state}"${current}>${statusLabel(step.status, locale)}</li>`;
  });
  return html`<ol class="progress" aria-label="${TRACKING_PAGE_TEXTS[locale].progress}">${items}</ol>`;
}

function statusCard(view: TrackingPageView, time: DateTimeHtml): SafeHtml {
  const progress = trackingProgress(
    view.status,
    view.events.map((event) => event.status),
  );
  const tone = view.status === 'delivered' ? 'tone-good' : progress.attention ? 'tone-attention' : null;
  const texts = TRACKING_PAGE_TEXTS[view.locale];
  return html`<section class="card${tone && ` ${tone}`}">
<p class="merchant">${view.merchantName}</p>
<h1>${statusLabel(view.status, view.locale)}</h1>
${view.substatus && html`<p class="substatus">${substatusLabel(view.substatus, view.locale)}</p>`}
${view.lastUpdateAt && html`<p class="updated">${texts.lastUpdate}: ${time(view.lastUpdateAt)}</p>`}
${progressBar(progress, view.locale)}
</section>`;
}

function fact(term: string, value: string | null): SafeHtml | null {
  return value ? html`<div><dt>${term}</dt><dd>${value}</dd></div>` : null;
}

function shipmentCard(view: TrackingPageView): SafeHtml {
  const texts = TRACKING_PAGE_TEXTS[view.locale];
  const promised = view.promisedDeliveryDate && formatCalendarDate(view.promisedDeliveryDate, view.locale);
  const carrierLink =
    view.carrierTrackingUrl &&
    html`<a class="button" href="${view.carrierTrackingUrl}" rel="noopener noreferrer">${texts.trackOnCarrierSite}</a>`;
  return html`<section class="card">
<dl class="facts">
${fact(texts.order, view.orderNumber)}
${fact(texts.expectedDelivery, promised)}
${fact(texts.carrier, view.carrierName)}
${fact(texts.trackingNumber, view.trackingNumber)}
</dl>
${carrierLink}
</section>`;
}

function timelineEntry(event: TrackingPageEvent, locale: Locale, time: DateTimeHtml): SafeHtml {
  return html`<li>${time(event.occurredAt)}
${event.status && html`<p class="event-status">${statusLabel(event.status, locale)}</p>`}
${event.description && html`<p>${event.description}</p>`}
${event.location && html`<p class="event-location">${event.location}</p>`}</li>`;
}

function historyCard(view: TrackingPageView, time: DateTimeHtml): SafeHtml {
  const texts = TRACKING_PAGE_TEXTS[view.locale];
  const entries = view.events.map((event) => timelineEntry(event, view.locale, time));
  return html`<section class="card">
<h2>${texts.history}</h2>
${entries.length > 0 ? html`<ol class="timeline">${entries}</ol>` : html`<p class="empty">${texts.noEvents}</p>`}
</section>`;
}

export function renderTrackingPage(view: TrackingPageView): string {
  const time = dateTimeHtml(view.locale, view.timeZone);
  const body = html`<main>
${statusCard(view, time)}
${shipmentCard(view)}
${historyCard(view, time)}
</main>`;
  return layout(view.locale, `${statusLabel(view.status, view.locale)} · ${view.merchantName}`, body);
}

export function renderTrackingNotFoundPage(locale: Locale): string {
  const texts = TRACKING_PAGE_TEXTS[locale];
  const body = html`<main>
<section class="card">
<h1>${texts.notFoundTitle}</h1>
<p>${texts.notFoundText}</p>
</section>
</main>`;
  return layout(locale, texts.notFoundTitle, body);
}
