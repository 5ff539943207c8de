/**
 * The page every view sits in: the Scottish Government Design System's header, navigation and
 * footer, a skip link, and the main content. Works without JavaScript; the design system's script
 * only enhances it. On a small screen the navigation is a menu that opens without JavaScript (a
 * <details>; the design system's own menu button needs its script), and the full navigation shows
 * from the design system's medium breakpoint up: app-css.ts shows one or the other.
 */
import type { ComponentChildren, VNode } from 'preact';

export type NavItem = 'partner' | 'poster' | 'meetings' | 'dashboard' | 'waiting' | 'due' | 'children' | 'aims' | 'improvement' | 'import' | 'quality' | 'exports' | 'audit';

export interface Chrome {
  readonly user: { readonly username: string; readonly displayName: string | null } | null;
  /** The authority the page is about, if any. */
  readonly authority: { readonly code: string; readonly name: string } | null;
  /** Every authority the user may see, for switching. */
  readonly authorities: readonly { readonly code: string; readonly name: string }[];
  readonly csrfToken: string;
  readonly active: NavItem | null;
  /** The navigation items this user may use in this authority. */
  readonly nav: readonly NavItem[];
}

const navLabels: Readonly<Record<NavItem, { label: string; path: string }>> = {
  partner: { label: 'Overview', path: '/partner' },
  poster: { label: 'Poster', path: '/poster' },
  meetings: { label: 'Meeting packs', path: '/meetings' },
  dashboard: { label: 'Dashboard', path: '' },
  waiting: { label: 'Children waiting', path: '/waiting' },
  due: { label: 'What is due', path: '/due' },
  children: { label: 'Children', path: '/children' },
  aims: { label: 'Aims', path: '/aims' },
  import: { label: 'Import', path: '/import' },
  quality: { label: 'Data quality', path: '/data-quality' },
  exports: { label: 'Exports', path: '/exports' },
  audit: { label: 'Audit log', path: '/audit' },
  improvement: { label: 'Improvement', path: '/improvement' },
};

export function authorityPath(code: string, path = ''): string {
  return `/a/${encodeURIComponent(code)}${path}`;
}

export function Page(props: { title: string; chrome: Chrome; hasErrors?: boolean; wide?: boolean; refreshSeconds?: number; children: ComponentChildren }): VNode {
  const { chrome } = props;
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.refreshSeconds !== undefined && <meta http-equiv="refresh" content={String(props.refreshSeconds)} />}
        <title>{`${props.hasErrors ? 'Error: ' : ''}${props.title} – pace`}</title>
        <link rel="stylesheet" href="/assets/sgds/css/design-system.min.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <script type="module" src="/assets/app.js" />
      </head>
      <body>
        <div class="ds_page">
          <div class="ds_page__top">
            <nav class="ds_skip-links" aria-label="Skip links">
              <ul class="ds_skip-links__list">
                <li class="ds_skip-links__item">
                  <a class="ds_skip-links__link" href="#main-content">
                    Skip to main content
                  </a>
                </li>
              </ul>
            </nav>
            <Header chrome={chrome} />
          </div>
          <div class="ds_page__middle">
            <div class="ds_wrapper">
              <main id="main-content" class={props.wide ? 'pace-main pace-main--wide' : 'pace-main'}>
                {props.children}
              </main>
            </div>
          </div>
          <div class="ds_page__bottom">
            <footer class="ds_site-footer">
              <div class="ds_wrapper">
                <div class="ds_site-footer__content">
                  <p class="ds_site-footer__copyright">pace: permanence planning for looked after children. Personal information about children: handle it as your authority's policy requires.</p>
                </div>
              </div>
            </footer>
          </div>
        </div>
      </body>
    </html>
  );
}

function Header({ chrome }: { chrome: Chrome }): VNode {
  return (
    <header class="ds_site-header" role="banner">
      <div class="ds_wrapper">
        <div class="ds_site-header__content">
          <div class="ds_site-branding">
            <a class="ds_site-branding__link" href="/">
              <span class="ds_site-branding__title">pace</span>
            </a>
            {chrome.authority && <span class="pace-authority-name">{chrome.authority.name}</span>}
          </div>
          {chrome.user && (
            <div class="pace-account">
              <span>Signed in as {chrome.user.displayName ?? chrome.user.username}</span>
              {chrome.authorities.length > 1 && (
                <a class="ds_link" href="/">
                  Switch authority
                </a>
              )}
              <form method="post" action="/sign-out" class="pace-inline-form">
                <input type="hidden" name="_csrf" value={chrome.csrfToken} />
                <button type="submit" class="ds_button ds_button--secondary ds_button--small ds_no-margin">
                  Sign out
                </button>
              </form>
            </div>
          )}
        </div>
      </div>
      {chrome.authority && chrome.nav.length > 0 && (
        <div class="ds_site-header__navigation">
          <div class="ds_wrapper">
            <nav class="ds_site-navigation" aria-label="Main navigation">
              <NavList chrome={chrome} authority={chrome.authority.code} />
            </nav>
            <nav class="pace-menu" aria-label="Main navigation">
              <details class="ds_details">
                <summary class="ds_details__summary">Menu</summary>
                <div class="ds_site-navigation">
                  <NavList chrome={chrome} authority={chrome.authority.code} />
                </div>
              </details>
            </nav>
          </div>
        </div>
      )}
    </header>
  );
}

function NavList({ chrome, authority }: { chrome: Chrome; authority: string }): VNode {
  return (
    <ul class="ds_site-navigation__list">
      {chrome.nav.map((item) => (
        <li class="ds_site-navigation__item" key={item}>
          <a class={`ds_site-navigation__link${chrome.active === item ? ' ds_current' : ''}`} href={authorityPath(authority, navLabels[item].path)} aria-current={chrome.active === item ? 'page' : undefined}>
            {navLabels[item].label}
          </a>
        </li>
      ))}
    </ul>
  );
}
