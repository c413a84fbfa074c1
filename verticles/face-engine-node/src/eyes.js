// Eye openness from MediaPipe's iris net (shipped in @vladmandic/human's models, TensorFlow.js graph format).
// face-api's 68 landmarks barely follow the eyelids: on a real blink (the FGNet talking-face clip) their eye
// aspect ratio fell from 0.31 to 0.28 only. The iris net, given a 64x64 crop around one eye, traces the eyelids:
// on the same frames its lid opening fell from ~0.34 to ~0.08.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const CROP = 64;
// The crop spans this many eye widths around the eye's corners, as the net was trained.
const CROP_SCALE = 2.3;
// The net's 71 eye points begin with the lower lid, corner to corner (0-8), then the upper lid (9-15).
const CORNERS = [0, 8];
const LID_PAIRS = [[11, 3], [12, 4], [13, 5]];
const POINT_VALUES = 76 * 3;

/** Reads a graph model from the files of an npm package: model.json and its weight shards. */
async function loadGraphModel(tf, file) {
  const spec = JSON.parse(fs.readFileSync(file, 'utf8'));
  const shards = spec.weightsManifest.flatMap(group => group.paths.map(p => fs.readFileSync(path.join(path.dirname(file), p))));
  const weights = Buffer.concat(shards);
  return tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: spec.modelTopology,
    weightSpecs: spec.weightsManifest.flatMap(group => group.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length),
    format: spec.format,
    signature: spec.signature,
  }));
}

/** The models directory of @vladmandic/human (its package exports only its code). */
function modelsDir() {
  return path.join(path.dirname(require.resolve('@vladmandic/human')), '..', 'models');
}

export async function createEyeReader(tf) {
  const net = await loadGraphModel(tf, path.join(modelsDir(), 'iris.json'));

  /** Square crop box (normalised y1, x1, y2, x2) around the eye whose corners are a and b. */
  function cropBox(a, b, width, height) {
    const cx = (a[0] + b[0]) / 2;
    const cy = (a[1] + b[1]) / 2;
    const side = CROP_SCALE * Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), 1);
    return [(cy - side / 2) / height, (cx - side / 2) / width, (cy + side / 2) / height, (cx + side / 2) / width];
  }

  function opening(values, offset) {
    const point = i => [values[offset + 3 * i], values[offset + 3 * i + 1]];
    const dist = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    const width = dist(point(CORNERS[0]), point(CORNERS[1]));
    const gap = LID_PAIRS.reduce((sum, [upper, lower]) => sum + dist(point(upper), point(lower)), 0);
    return width > 0 ? gap / (LID_PAIRS.length * width) : 0;
  }

  /**
   * Lid opening of each eye (gap between the lids over the eye's width; open eyes ~0.3, shut ~0.1), left and right
   * as seen in the image. {@code image} is the frame's [height, width, 3] tensor, {@code points} face-api's 68
   * landmarks; the net knows one eye side, so the image-right eye is mirrored before it goes in.
   */
  async function read(image, points) {
    const [height, width] = image.shape;
    const output = tf.tidy(() => {
      const boxes = [cropBox(points[36], points[39], width, height), cropBox(points[42], points[45], width, height)];
      const crops = tf.div(tf.image.cropAndResize(tf.expandDims(image), boxes, [0, 0], [CROP, CROP]), 255);
      const [left, right] = tf.split(crops, 2);
      return net.execute(tf.concat([left, tf.image.flipLeftRight(right)]));
    });
    try {
      const values = await output.data();
      return { left: opening(values, 0), right: opening(values, POINT_VALUES) };
    } finally {
      tf.dispose(output);
    }
  }

  return { read };
}
