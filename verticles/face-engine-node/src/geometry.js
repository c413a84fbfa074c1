// Measures taken from the 68 landmarks (iBUG 300-W numbering, 0-based): a head yaw and pitch estimate, and the
// quality of a frame for matching.

/**
 * Yaw from where the nose tip (30) sits between the face's outline at eye level (points 0 and 16):
 * 0 when centred, -1..1 towards the image's left (negative) or right. Pitch from where the nose tip sits
 * between the eyes' line and the chin (8), relative to a frontal face's usual share, positive looking down.
 */
export function pose(points) {
  const left = points[0];
  const right = points[16];
  const nose = points[30];
  const span = right[0] - left[0];
  const yaw = span > 0 ? clamp(((nose[0] - left[0]) / span - 0.5) * 2) : 0;
  const eyeLine = (mean(points.slice(36, 48), 1));
  const chin = points[8][1];
  const height = chin - eyeLine;
  const FRONTAL_NOSE_SHARE = 0.4;
  const pitch = height > 0 ? clamp(((nose[1] - eyeLine) / height - FRONTAL_NOSE_SHARE) * 2.5) : 0;
  return { yaw, pitch };
}

function mean(points, axis) {
  return points.reduce((sum, p) => sum + p[axis], 0) / points.length;
}

function clamp(value) {
  return Math.max(-1, Math.min(1, value));
}

/**
 * 0..1 from the detection score, the face's size (full at 120 px wide) and a frontal pose: a frame fit for
 * matching shows a large, confidently detected, frontal face.
 */
export function quality(score, boxWidth, yaw, pitch) {
  const size = Math.min(1, boxWidth / 120);
  const frontal = 1 - Math.min(1, Math.max(Math.abs(yaw), Math.abs(pitch)));
  return 0.45 * score + 0.35 * size + 0.2 * frontal;
}
