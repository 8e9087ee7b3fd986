import { Anchor, Pressable, xcss } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import { openPage, pageUrl } from './navigate';

const linkLook = xcss({
  color: 'color.link',
  backgroundColor: 'color.background.neutral.subtle',
  padding: 'space.0',
  textAlign: 'start',
  font: 'font.body',
  borderRadius: 'radius.small',
  ':hover': { textDecoration: 'underline', color: 'color.link' },
});

/** Looks like a link, is a button: opens something inside the app (a dialog). Focus ring included. */
export function LinkButton({
  onClick,
  children,
  label,
}: {
  onClick: () => void;
  children: ReactNode;
  label?: string;
}) {
  return (
    <Pressable xcss={linkLook} onClick={onClick} aria-label={label}>
      {children}
    </Pressable>
  );
}

/**
 * A Confluence page link. The href is the page's URL (copyable, middle-click works in Confluence);
 * a click asks the host to navigate (a new tab with a modifier key), since the app's frame is on
 * another origin and cannot load Confluence inside itself.
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
  return (
    <Anchor
      href={pageUrl(pageId, space)}
      xcss={linkLook}
      onClick={(event) => {
        event.preventDefault();
        void openPage(pageId, space, event.metaKey || event.ctrlKey || event.shiftKey);
      }}
    >
      {children}
    </Anchor>
  );
}
