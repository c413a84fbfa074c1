package io.gatehouse.face.polyglot;

import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.face.engine.FaceEngine;
import io.gatehouse.face.engine.FaceShape;
import io.gatehouse.face.engine.FaceTemplate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads an engine worker's reply into the engine-neutral {@link FaceEngine.Result}, checking every field it
 * uses: a reply that is not what the contract says fails with {@link IllegalArgumentException}, never with a
 * half-read result. With several faces the largest one is described, with its descriptor when asked for
 * (sessions refuse such frames before using it; a photo of a person among others is matched by its main face).
 */
final class EngineReading {

  static final int DESCRIPTOR_LENGTH = 128;
  static final int LANDMARKS = 68;

  private EngineReading() {
  }

  static FaceEngine.Result read(Object reply, boolean withTemplate, double eyesOpenEar) {
    return read(reply, withTemplate, true, eyesOpenEar);
  }

  /** Without {@code withEyes} the reply carries no lid openings and the eye openness is {@code NaN}. */
  static FaceEngine.Result read(Object reply, boolean withTemplate, boolean withEyes, double eyesOpenEar) {
    if (!(reply instanceof JsonObject json)) {
      throw new IllegalArgumentException("reply is not a JSON object");
    }
    double width = positive(json, "width");
    double height = positive(json, "height");
    JsonArray faces = array(json, "faces");
    if (faces.isEmpty()) {
      return new FaceEngine.Result(FrameAnalysis.noSingleFace(0), 0, null);
    }
    JsonObject face = largest(faces);
    JsonObject box = object(face, "box");
    double boxWidth = positive(box, "width");
    double boxHeight = positive(box, "height");
    double centerX = (number(box, "x") + boxWidth / 2) / width;
    double centerY = (number(box, "y") + boxHeight / 2) / height;
    double eyes = Double.NaN;
    if (withEyes) {
      JsonObject ear = object(face, "ear");
      eyes = (number(ear, "left") + number(ear, "right")) / 2;
    }
    double yaw = number(face, "yaw");
    double pitch = number(face, "pitch");
    double quality = number(face, "quality");
    if (array(face, "landmarks").size() != LANDMARKS) {
      throw new IllegalArgumentException("landmarks must hold " + LANDMARKS + " points");
    }
    FrameAnalysis analysis = new FrameAnalysis(faces.size(), !withEyes || eyes >= eyesOpenEar, centerX, centerY,
      boxWidth / width, yaw, quality, eyes);
    FaceTemplate template = withTemplate ? descriptor(face) : null;
    return new FaceEngine.Result(analysis, eyes, template, new FaceShape(yaw, pitch));
  }

  private static JsonObject largest(JsonArray faces) {
    JsonObject best = null;
    double bestArea = -1;
    for (int i = 0; i < faces.size(); i++) {
      if (!(faces.getValue(i) instanceof JsonObject face)) {
        throw new IllegalArgumentException("faces must be objects");
      }
      JsonObject box = object(face, "box");
      double area = positive(box, "width") * positive(box, "height");
      if (area > bestArea) {
        best = face;
        bestArea = area;
      }
    }
    return best;
  }

  private static FaceTemplate descriptor(JsonObject face) {
    JsonArray values = array(face, "descriptor");
    if (values.size() != DESCRIPTOR_LENGTH) {
      throw new IllegalArgumentException("descriptor must hold " + DESCRIPTOR_LENGTH + " numbers");
    }
    float[] features = new float[DESCRIPTOR_LENGTH];
    for (int i = 0; i < features.length; i++) {
      if (!(values.getValue(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        throw new IllegalArgumentException("descriptor holds a non-number");
      }
      features[i] = n.floatValue();
    }
    return new FaceTemplate(features);
  }

  private static double number(JsonObject json, String key) {
    if (!(json.getValue(key) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw new IllegalArgumentException(key + " must be a number");
    }
    return n.doubleValue();
  }

  private static double positive(JsonObject json, String key) {
    double value = number(json, key);
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive");
    }
    return value;
  }

  private static JsonObject object(JsonObject json, String key) {
    if (!(json.getValue(key) instanceof JsonObject child)) {
      throw new IllegalArgumentException(key + " must be an object");
    }
    return child;
  }

  private static JsonArray array(JsonObject json, String key) {
    if (!(json.getValue(key) instanceof JsonArray child)) {
      throw new IllegalArgumentException(key + " must be an array");
    }
    return child;
  }
}
