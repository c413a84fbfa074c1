package io.gatehouse.face;

import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.contract.face.SessionType;
import io.gatehouse.face.engine.FaceEngine;
import io.gatehouse.face.engine.FaceShape;
import io.gatehouse.face.engine.FaceTemplate;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("a face session asks for templates only while it holds fewer than it uses")
class FaceSessionTemplatesTest {

  private static final FaceOptions OPTIONS = FaceOptions.from(new JsonObject().put("face",
    new JsonObject().put("maxTargetFrames", 4)));

  private static FaceSession session(int target) {
    return new FaceSession(new SessionSpec("s", "token", "client", SessionType.ENROLLMENT, "user", "e", target, 1,
      true), OPTIONS, 0);
  }

  private static FaceEngine.Result frame(boolean withTemplate) {
    FrameAnalysis analysis = new FrameAnalysis(1, true, 0.5, 0.5, 0.3, 0, 0.9, 0.3);
    return new FaceEngine.Result(analysis, 0.3, withTemplate ? new FaceTemplate(new float[] {1, 2, 3}) : null,
      new FaceShape(0, 0));
  }

  private static void send(FaceSession session) {
    FaceEngine.Result result = frame(session.wantsTemplate());
    assertThat(session.reject(result, 0)).isNull();
    session.accept(result);
  }

  @Test
  @DisplayName("with a target of 3, the first three counted frames carry templates and the later ones do not")
  void templatesUpToTarget() {
    FaceSession session = session(3);
    for (int i = 0; i < 3; i++) {
      assertThat(session.wantsTemplate()).as("frame %d", i + 1).isTrue();
      send(session);
    }
    for (int i = 0; i < 5; i++) {
      assertThat(session.wantsTemplate()).isFalse();
      send(session);
    }
    assertThat(session.samples()).hasSize(3);
  }

  @Test
  @DisplayName("a frame refused for its quality does not use up a template; the target is capped by "
    + "maxTargetFrames")
  void refusedFramesAndCap() {
    FaceSession session = session(3);
    FaceEngine.Result blurred = new FaceEngine.Result(new FrameAnalysis(1, true, 0.5, 0.5, 0.3, 0, 0.1, 0.3), 0.3,
      new FaceTemplate(new float[] {1, 2, 3}), new FaceShape(0, 0));
    assertThat(session.reject(blurred, 0)).isNotNull();
    assertThat(session.wantsTemplate()).isTrue();

    FaceSession large = session(10);
    for (int i = 0; i < 4; i++) {
      send(large);
    }
    assertThat(large.wantsTemplate()).isFalse();
    assertThat(large.samples()).hasSize(4);
  }
}
