import { token } from '@atlaskit/tokens';
import type { MouseEvent, ReactNode } from 'react';
import { openPage, pageUrl } from './navigate';

/*
 * Native elements with one shared stylesheet rather than Atlaskit's Pressable/Anchor: the findings
 * table renders two per row, and the primitives' analytics and router hooks made a filter change
 * measurably slower (bench/ui-dashboard.ts). Focus stays visible (:focus-visible ring).
 */
const CSS = `
.rg-link{all:unset;cursor:pointer;color:${token('color.link')};overflow-wrap:anywhere;border-radius:${token('radius.small')}}
.rg-link:hover{text-decoration:underline}
.rg-link:active{color:${token('color.link.pressed')}}
.rg-link:focus-visible{outline:${token('border.width.focused')} solid ${token('color.border.focused')};outline-offset:2px}
`;
let installed = false;
function installStyles(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.appendChild(style);
}

/** Looks like a link, is a button: opens something inside the app (a dialog). */
export function LinkButton({
  onClick,
  children,
  label,
}: {
  onClick: () => void;
  children: ReactNode;
  label?: string;
}) {
  installStyles();
  return (
    <button type="button" className="rg-link" onClick={onClick} aria-label={label}>
      {children}
    </button>
  );
}

/**
 * A Confluence page link. The href is the page's URL (copyable); a click asks the host to navigate
 * (a new tab with a modifier key), since the app's frame is on another origin and cannot load
 * Confluence inside itself.
 */
export function PageLink({
  pageId,
  space,
  children,
}: {
  pageId: string;
  space: string;
  children: ReactNode;
}) {
  installStyles();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void openPage(pageId, event.metaKey || event.ctrlKey || event.shiftKey);
  };
  return (
    <a className="rg-link" href={pageUrl(pageId, space)} onClick={onClick}>
      {children}
    </a>
  );
}
