package io.gatehouse.face.engine;

/**
 * Head pose read from a face's 68 landmarks: {@code yaw} and {@code pitch} roughly -1..1 (yaw negative towards
 * the image's left, pitch positive looking down). A photo moved or scaled in front of a camera keeps both; a live
 * head turning or nodding changes them.
 */
public record FaceShape(double yaw, double pitch) {
}
