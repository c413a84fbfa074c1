package io.gatehouse.stomp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text exposition, read just enough to sum the samples of one series name by labels. */
record PrometheusText(List<Sample> samples) {

  record Sample(String name, String labels, double value) {
  }

  private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+).*$");

  static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher matcher = LINE.matcher(line);
      if (!line.startsWith("#") && matcher.matches()) {
        samples.add(new Sample(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2),
          Double.parseDouble(matcher.group(3))));
      }
    }
    return new PrometheusText(samples);
  }

  /** The sum over the samples named {@code name} whose labels include every one of {@code labels}; NaN if none. */
  double sum(String name, Map<String, String> labels) {
    List<Sample> matching = samples.stream().filter(sample -> sample.name().equals(name))
      .filter(sample -> labels.entrySet().stream()
        .allMatch(label -> sample.labels().contains(label.getKey() + "=\"" + label.getValue() + "\"")))
      .toList();
    return matching.isEmpty() ? Double.NaN : matching.stream().mapToDouble(Sample::value).sum();
  }

  /** How much the series grew from this scrape to {@code later} (a series absent from either counts as 0). */
  double increaseTo(PrometheusText later, String name, Map<String, String> labels) {
    double was = sum(name, labels);
    double is = later.sum(name, labels);
    return (Double.isNaN(is) ? 0 : is) - (Double.isNaN(was) ? 0 : was);
  }

  double sum(String name) {
    return sum(name, Map.of());
  }

  boolean has(String namePrefix) {
    return samples.stream().anyMatch(sample -> sample.name().startsWith(namePrefix));
  }
}
