package io.incidentflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** One scrape of {@code /actuator/prometheus}, as a Prometheus with the demo profile's metrics token reads it. */
final class Scrape {

  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Map<String, Double> samples = new HashMap<>();
  private final Map<String, Integer> names = new HashMap<>();

  private Scrape(String text) {
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
      samples.put(sample.group(1) + labels, Double.valueOf(sample.group(4)));
      names.merge(sample.group(1), 1, Integer::sum);
    }
  }

  static Scrape of(TestRestTemplate http) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth("demo-metrics-token");
    ResponseEntity<String> answer = http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers),
        String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return new Scrape(answer.getBody());
  }

  /** The names of the samples, e.g. {@code incidentflow_incidents_reported_total}. */
  Set<String> names() {
    return names.keySet();
  }

  /** The sample's value; the test fails when there is no such sample. */
  double value(String name, String... labels) {
    String key = key(name, labels);
    assertThat(samples).as("the scrape has " + key).containsKey(key);
    return samples.get(key);
  }

  /** A count's value; 0 when the scrape has no such series (yet). */
  double count(String name, String... labels) {
    return samples.getOrDefault(key(name, labels), 0.0);
  }

  private static String key(String name, String... labels) {
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      sorted.put(labels[i], labels[i + 1]);
    }
    return name + sorted;
  }
}
