import { preload as preloadResource } from 'react-dom';

/**
 * A product's illustration, a small SVG file in public/products served as it is. A plain <img>, not
 * next/image: with nothing to resize (`unoptimized`), next/image only adds a client component per image
 * to the page's payload and to hydration. `preload` is React's own resource preload, which is what
 * next/image's `preload` does: a <link rel="preload"> in the head, so the likely largest paint starts early.
 */
export function ProductImage({
  src,
  alt,
  size,
  preload = false,
  lazy = false,
  className,
}: {
  src: string;
  alt: string;
  size: number;
  preload?: boolean;
  lazy?: boolean;
  className?: string;
}) {
  if (preload) preloadResource(src, { as: 'image', fetchPriority: 'high' });
  return (
    // eslint-disable-next-line @next/next/no-img-element -- see above: the file is served as it is
    <img
      src={src}
      alt={alt}
      width={size}
      height={size}
      decoding="async"
      loading={lazy ? 'lazy' : undefined}
      fetchPriority={preload ? 'high' : undefined}
      className={className}
    />
  );
}
