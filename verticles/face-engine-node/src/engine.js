// The face engine proper: face-api's nets on the WebAssembly backend, weights read from the npm package.
import path from 'node:path';
import { createRequire } from 'node:module';
import { decode, toTensor, InvalidFrame } from './image.js';
import { pose, quality } from './geometry.js';
import { createEyeReader } from './eyes.js';

const require = createRequire(import.meta.url);

export { InvalidFrame };

/**
 * Loads the backend and the nets once; options: { detector: 'tiny' | 'ssd', inputSize, livenessInputSize, minScore,
 * maxPixels }. The Tiny detector looks at frames scaled to inputSize when a descriptor is asked for (matching was
 * calibrated so) and to livenessInputSize otherwise. The detector's cost grows with the square of its input
 * (640x480 frames, CPU: ~70 ms at 416, ~25 ms at 224, ~17 ms at 160), but a small input misses small faces
 * (at 160, 2 of the 61 development photos framed at 640x480, faces ~130 px wide) and has reported a face that was
 * not there (at 224, on a crop of a group photo). So a liveness frame on which the small input finds anything but
 * exactly one face is looked at again at inputSize, and that count stands. The other way round, a frame to describe
 * on which inputSize finds anything but one face is looked at at livenessInputSize, and one face found there is
 * described: a frame a liveness check counted can then also be compared with the person's reference.
 */
export async function createEngine(options) {
  const tf = require('@tensorflow/tfjs');
  require('@tensorflow/tfjs-backend-wasm');
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
  await tf.setBackend('wasm');
  await tf.ready();
  const models = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets.tinyFaceDetector.loadFromDisk(models);
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(models);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(models);
  const eyeReader = await createEyeReader(tf);
  const tiny = inputSize => new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold: options.minScore });
  const ssd = new faceapi.SsdMobilenetv1Options({ minConfidence: options.minScore, maxResults: 10 });
  const detectors = {
    tiny: { descriptor: tiny(options.inputSize), liveness: tiny(options.livenessInputSize || options.inputSize) },
    ssd: { descriptor: ssd, liveness: ssd },
  };
  if (!detectors[options.detector]) {
    throw new Error('unknown detector ' + options.detector + ' (tiny or ssd)');
  }

  /**
   * Analyses one encoded image; { width, height, faces: [...] }, descriptors only when asked for, the eye net's lid
   * openings (ear) unless eyes is false (a session that has seen its blinks no longer needs them).
   */
  async function analyze(bytes, { descriptor = false, eyes = true, detector = options.detector } = {}) {
    const image = await decode(bytes, options.maxPixels);
    const input = toTensor(tf, image);
    try {
      const chosen = detectors[detector] || detectors[options.detector];
      let detections = await faceapi.detectAllFaces(input, descriptor ? chosen.descriptor : chosen.liveness);
      if (detections.length !== 1 && chosen.liveness !== chosen.descriptor) {
        const second = await faceapi.detectAllFaces(input, descriptor ? chosen.liveness : chosen.descriptor);
        if (!descriptor || second.length === 1) {
          detections = second;
        }
      }
      const located = Promise.resolve(detections.map(detection => faceapi.extendWithFaceDetection({}, detection)));
      const withLandmarks = new faceapi.DetectAllFaceLandmarksTask(located, input, false);
      const found = await (descriptor ? withLandmarks.withFaceDescriptors() : withLandmarks);
      const faces = [];
      for (const result of found) {
        const lids = eyes ? await eyeReader.read(input, result.landmarks.positions.map(p => [p.x, p.y])) : null;
        faces.push(describe(result, lids));
      }
      return { width: image.width, height: image.height, faces };
    } finally {
      tf.dispose(input);
    }
  }

  function describe(result, eyes) {
    const box = result.detection.box;
    const points = result.landmarks.positions.map(p => [round(p.x), round(p.y)]);
    const { yaw, pitch } = pose(points);
    const face = {
      box: { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) },
      score: round(result.detection.score, 4),
      landmarks: points,
      yaw: round(yaw, 4),
      pitch: round(pitch, 4),
      quality: round(quality(result.detection.score, box.width, yaw, pitch), 4),
    };
    if (eyes) {
      face.ear = mapValues(eyes, v => round(v, 4));
    }
    if (result.descriptor) {
      face.descriptor = Array.from(result.descriptor, v => round(v, 6));
    }
    return face;
  }

  return { analyze, backend: tf.getBackend(), versions: { faceapi: faceapi.version, tfjs: tf.version_core } };
}

function round(value, digits = 2) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function mapValues(object, fn) {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, fn(v)]));
}
