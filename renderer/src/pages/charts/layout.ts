// Sizes of scaled previews and slide thumbnails.

/** The largest scale (at most 1) at which a width x height chart fits the box; 0 before the box is measured. */
export function fitScale(width: number, height: number, box: { width: number; height: number }): number {
  if (box.width <= 0 || box.height <= 0 || width <= 0 || height <= 0) return 0;
  return Math.min(1, box.width / width, box.height / height);
}
