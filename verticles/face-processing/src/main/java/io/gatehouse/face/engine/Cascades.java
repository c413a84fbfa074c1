package io.gatehouse.face.engine;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Loads the cascade files shipped inside the OpenCV Maven artifact (extracted to JavaCPP's cache once). */
final class Cascades {

  private Cascades() {
  }

  static CascadeClassifier load(String relative) {
    String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/" + relative;
    try {
      File file = Loader.cacheResource(resource);
      if (file == null) {
        throw new IllegalStateException("cascade " + resource + " is not on the classpath");
      }
      CascadeClassifier classifier = new CascadeClassifier(file.getAbsolutePath());
      if (classifier.empty()) {
        throw new IllegalStateException("cascade " + resource + " did not load");
      }
      return classifier;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
