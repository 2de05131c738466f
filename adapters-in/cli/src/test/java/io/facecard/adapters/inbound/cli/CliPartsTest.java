package io.facecard.adapters.inbound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliPartsTest {
    @TempDir
    Path dir;

    @Test
    void theBarFillsWithTheShareDone() {
        assertThat(ProgressBar.render("rows", 0, 10, "x")).startsWith("rows    [" + ".".repeat(30) + "]   0% 0/10 x");
        assertThat(ProgressBar.render("rows", 5, 10, "")).contains("[" + "#".repeat(15) + ".".repeat(15) + "]  50% 5/10");
        assertThat(ProgressBar.render("rows", 10, 10, "")).contains("[" + "#".repeat(30) + "] 100%");
        assertThat(ProgressBar.render("rows", 0, 0, "")).contains("  0% 0/0");
    }

    @Test
    void onATerminalTheBarRedrawsInPlaceAndInALogItWritesLines() {
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        ProgressBar onTty = new ProgressBar(new PrintStream(tty, true, StandardCharsets.UTF_8), true, 5_000);
        onTty.show("rows", 1, 3, "");
        onTty.show("rows", 2, 3, "");
        onTty.finish();
        assertThat(tty.toString(StandardCharsets.UTF_8)).startsWith("\r").contains("\r").endsWith("\n").doesNotContain("\n\r");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ProgressBar inLog = new ProgressBar(new PrintStream(log, true, StandardCharsets.UTF_8), false, 60_000);
        inLog.show("rows", 1, 3, "");
        inLog.show("rows", 2, 3, ""); // within the quiet time: not written
        inLog.show("rows", 3, 3, ""); // the end is always written
        assertThat(log.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(2).allMatch(l -> !l.contains("\r"));
    }

    @Test
    void theArchiveHoldsTheCsvAndOnlyThePhotosItNamesFromInsideTheFolder() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.write(photos.resolve("anna.jpg"), new byte[] {1, 2, 3});
        Files.write(photos.resolve("unrelated.jpg"), new byte[] {4});
        Files.write(dir.resolve("secret.txt"), new byte[] {5});
        Path csv = dir.resolve("members.csv");
        Files.writeString(csv, "\uFEFFname,photo\n\"Anna, A.\",anna.jpg\nBoris,missing.jpg\nEve,../secret.txt\nNo Photo,\n");
        Path zip = ImportArchive.pack(csv, photos, dir.resolve("out.zip"));
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().forEach(e -> names.add(e.getName()));
        }
        assertThat(names).containsExactly("members.csv", "anna.jpg");
    }

    @Test
    void cellsFollowCsvQuoting() {
        assertThat(Csv.cells("a,\"b,c\",\"d \"\"e\"\"\",")).containsExactly("a", "b,c", "d \"e\"", "");
    }

    @Test
    void answersAreReadFieldByField() {
        Api.Answer a = new Api.Answer(200, "{\"id\":\"j1\",\"counts\":{\"processed\":12,\"total\":40},\"failure\":null,"
                + "\"detail\":\"say \\\"hi\\\"\"}", null);
        assertThat(a.field("id")).isEqualTo("j1");
        assertThat(a.number("processed")).isEqualTo(12);
        assertThat(a.number("failure")).isZero();
        assertThat(a.field("detail")).isEqualTo("say \"hi\"");
        assertThat(Api.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\u000a\"");
    }
}
