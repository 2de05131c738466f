package io.facecard.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the published contract from its parts: {@code openapi.yaml} (the document's head and the shared
 * components) and one fragment per context ({@code tenancy.yaml}, {@code payment.yaml}, …), each with its own
 * {@code tags}, {@code paths} and {@code components}. A new context adds a fragment and edits none.
 *
 * <p>The merge is textual, section by section, so the served document keeps the fragments' comments and
 * formatting and no value is re-encoded; each part is also parsed, and a path, tag or component named by two
 * parts fails the build. Fragments use block style for their top-level sections and for each components section.
 */
public final class ContractMerge {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String HEAD = "openapi.yaml";
    private static final List<String> MERGED = List.of("tags", "paths", "components");

    private ContractMerge() {}

    public static void main(String[] args) throws IOException {
        Path parts = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target.getParent());
        Files.writeString(target, merge(parts));
    }

    /** The merged document of the parts in {@code folder}: the head first, then the fragments by file name. */
    public static String merge(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(folder.resolve(HEAD));
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals(HEAD)).sorted().forEach(files::add);
        }
        Map<String, String> owners = new HashMap<>();
        StringBuilder head = new StringBuilder();
        Map<String, StringBuilder> top = new LinkedHashMap<>();
        Map<String, StringBuilder> components = new LinkedHashMap<>();
        for (Path file : files) {
            String text = Files.readString(file);
            claimNames(file, YAML.readTree(text), owners);
            split(file, text, file.endsWith(HEAD) ? head : null, top, components);
        }
        StringBuilder out = new StringBuilder(head);
        for (String section : List.of("tags", "paths")) {
            if (top.containsKey(section)) {
                out.append(section).append(":\n").append(top.get(section));
            }
        }
        out.append("components:\n");
        components.forEach((name, body) -> out.append("  ").append(name).append(":\n").append(body));
        return out.toString();
    }

    /** Every tag, path and component belongs to one part: a second claim is a mistake the build must not hide. */
    private static void claimNames(Path file, JsonNode doc, Map<String, String> owners) {
        List<String> names = new ArrayList<>();
        doc.path("tags").forEach(t -> names.add("tag " + t.path("name").asText()));
        doc.path("paths").fieldNames().forEachRemaining(p -> names.add("path " + p));
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("components").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> section = it.next();
            section.getValue().fieldNames().forEachRemaining(n -> names.add("components." + section.getKey() + " " + n));
        }
        for (String name : names) {
            String before = owners.putIfAbsent(name, file.getFileName().toString());
            if (before != null) {
                throw new IllegalStateException(name + " is in both " + before + " and " + file.getFileName());
            }
        }
    }

    private static void split(Path file, String text, StringBuilder head, Map<String, StringBuilder> top,
            Map<String, StringBuilder> components) {
        String section = null;
        String component = null;
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                String key = line.substring(0, line.indexOf(':'));
                boolean merged = MERGED.contains(key);
                if (merged && !line.substring(key.length() + 1).isBlank()) {
                    throw new IllegalStateException(file + ": '" + key + "' must be in block style");
                }
                if (!merged && head == null) {
                    throw new IllegalStateException(file + ": a fragment holds only tags, paths and components, not '" + key + "'");
                }
                section = merged ? key : null;
                component = null;
                if (merged) {
                    continue;
                }
            }
            if (section == null) {
                if (head != null) {
                    head.append(line).append('\n');
                }
            } else if (section.equals("components")) {
                if (line.matches("  [A-Za-z]\\w*:\\s*")) {
                    component = line.strip().replace(":", "");
                    components.computeIfAbsent(component, k -> new StringBuilder());
                } else if (component != null) {
                    components.get(component).append(line).append('\n');
                }
            } else {
                top.computeIfAbsent(section, k -> new StringBuilder()).append(line).append('\n');
            }
        }
    }
}
