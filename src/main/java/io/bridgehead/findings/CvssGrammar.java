package io.bridgehead.findings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The syntax of one CVSS version's vector: its prefix, its mandatory base metrics and the optional ones it accepts. */
record CvssGrammar(String version, List<CvssMetric> base, List<CvssMetric> optional) {

    static final int MAX_LENGTH = 200;

    private static final Pattern ANY_VERSION_PREFIX = Pattern.compile("^CVSS:(\\d+\\.\\d+)/");

    CvssGrammar {
        base = List.copyOf(base);
        optional = List.copyOf(optional);
    }

    String prefix() {
        return "CVSS:" + version + "/";
    }

    /** The metric values of a valid vector, keyed by abbreviation, in the order given. */
    Map<String, String> parse(String vector) {
        String text = checkedText(vector);
        Map<String, String> values = new LinkedHashMap<>();
        String body = text.substring(prefix().length());
        if (!body.isEmpty()) {
            for (String part : body.split("/", -1)) {
                accept(part, values);
            }
        }
        requireBase(values);
        return values;
    }

    /** The base metrics in specification order, then the others in the order given. */
    String baseFirst(Map<String, String> values) {
        Stream<String> others = values.keySet().stream()
                .filter(name -> base.stream().noneMatch(m -> m.abbreviation().equals(name)));
        return format(Stream.concat(base.stream().map(CvssMetric::abbreviation), others), values);
    }

    /** Every metric in specification order. */
    String specificationOrder(Map<String, String> values) {
        Stream<String> names = Stream.concat(base.stream(), optional.stream())
                .map(CvssMetric::abbreviation)
                .filter(values::containsKey);
        return format(names, values);
    }

    private String format(Stream<String> names, Map<String, String> values) {
        return names.map(name -> "/" + name + ":" + values.get(name)).reduce("CVSS:" + version, String::concat);
    }

    private String checkedText(String vector) {
        if (vector == null || vector.isBlank()) {
            throw new InvalidCvssVector("Enter a CVSS vector.");
        }
        if (vector.length() > MAX_LENGTH) {
            throw new InvalidCvssVector("A CVSS vector is at most " + MAX_LENGTH + " characters.");
        }
        String text = vector.strip();
        if (text.startsWith(prefix())) {
            return text;
        }
        Matcher otherVersion = ANY_VERSION_PREFIX.matcher(text);
        if (otherVersion.find()) {
            throw new InvalidCvssVector(
                    "CVSS " + otherVersion.group(1) + " is not accepted here. Use a CVSS:" + version + " vector.");
        }
        throw new InvalidCvssVector("A CVSS " + version + " vector starts with \"" + prefix() + "\".");
    }

    private void accept(String part, Map<String, String> values) {
        if (part.isEmpty()) {
            throw new InvalidCvssVector("The vector has an empty part: remove the extra \"/\".");
        }
        String[] pair = part.split(":", -1);
        if (pair.length != 2 || pair[0].isEmpty() || pair[1].isEmpty()) {
            throw new InvalidCvssVector("Malformed part \"" + part + "\": expected metric:value.");
        }
        CvssMetric metric =
                metric(pair[0]).orElseThrow(() -> new InvalidCvssVector("Unknown metric \"" + pair[0] + "\"."));
        if (values.containsKey(metric.abbreviation())) {
            throw new InvalidCvssVector("Metric " + metric.abbreviation() + " appears twice.");
        }
        if (!metric.allows(pair[1])) {
            throw new InvalidCvssVector(
                    "Unknown value \"" + pair[1] + "\" for " + metric.label() + ": use " + metric.choices() + ".");
        }
        values.put(metric.abbreviation(), pair[1]);
    }

    private Optional<CvssMetric> metric(String abbreviation) {
        return Stream.concat(base.stream(), optional.stream())
                .filter(metric -> metric.abbreviation().equals(abbreviation))
                .findFirst();
    }

    private void requireBase(Map<String, String> values) {
        List<String> missing = new ArrayList<>();
        for (CvssMetric metric : base) {
            if (!values.containsKey(metric.abbreviation())) {
                missing.add(metric.label());
            }
        }
        if (missing.size() == 1) {
            throw new InvalidCvssVector("Missing metric " + missing.get(0) + ".");
        }
        if (!missing.isEmpty()) {
            throw new InvalidCvssVector("Missing metrics " + CvssMetric.joined(missing, "and") + ".");
        }
    }
}
