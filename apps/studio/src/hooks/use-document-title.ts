import { useEffect } from 'react';

/** Names the browser tab after the page, so history and screen-reader users know where they are. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Postino Studio` : 'Postino Studio';
  }, [title]);
}
