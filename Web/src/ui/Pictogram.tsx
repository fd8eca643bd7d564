import type { IconNode } from "lucide";

/**
 * A pictogram from Lucide (ISC), drawn inline: the same everywhere, offline. Decorative: the
 * control that holds one carries the words.
 */
export function Pictogram({ icon, size = 40 }: { icon: IconNode; size?: number }) {
  return (
    <svg class="pictogram" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" fill="none"
      stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
      {icon.map(([tag, attrs], i) => {
        const Tag = tag as "path";
        return <Tag key={i} {...(attrs as Record<string, string>)} />;
      })}
    </svg>
  );
}
