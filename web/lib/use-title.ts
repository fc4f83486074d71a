/** Sets the browser tab's title for a scene, so history entries and bookmarks say what they hold. */
import { useEffect } from 'react';

/** "Soleimani" -> "Soleimani · Cablegraph"; null leaves the plain product name. */
export function useTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · Cablegraph` : 'Cablegraph';
  }, [title]);
}
