// The camera: a live preview (mirrored by CSS, like a selfie) and unmirrored JPEG snapshots of what the camera
// sees, which is what the face engine expects.

export async function startCamera(video) {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new Error('This browser cannot use a camera here (a camera needs https or localhost).');
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  } catch (e) {
    throw new Error(e?.name === 'NotAllowedError'
      ? 'The camera was not allowed. Allow the camera for this page and try again.'
      : 'No camera could be opened. Check that one is connected and not in use.');
  }
  video.srcObject = stream;
  await video.play().catch(() => {});
  await new Promise((resolve) => {
    if (video.videoWidth > 0) {
      resolve();
    } else {
      video.addEventListener('loadedmetadata', resolve, { once: true });
    }
  });
  return {
    /** A JPEG data URL of the current picture, as the camera sees it (not mirrored). */
    snapshot() {
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      canvas.getContext('2d').drawImage(video, 0, 0);
      return canvas.toDataURL('image/jpeg', 0.85);
    },
    /** Stops the camera; the preview keeps the last picture. */
    stop() {
      video.poster = this.snapshot();
      stream.getTracks().forEach((track) => track.stop());
      video.srcObject = null;
    },
  };
}
