package io.facecard.adapters.outbound.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/** The migrations' layout: one folder per context, one order over all of them, row-level security written once. */
class MigrationsTest {
    private static final Path ROOT = Path.of("src/main/resources/db/migration");
    private static final Pattern NAME = Pattern.compile("V([0-9.]+)__[a-z0-9_]+\\.sql");
    /** The version that brought facecard_isolate_by_tenant: later migrations call it. */
    private static final MigrationVersion ISOLATION_FUNCTION = MigrationVersion.fromVersion("20261207.1430");

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static MigrationVersion version(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        assertThat(m.matches()).as(p + " is named V<version>__<words>.sql").isTrue();
        return MigrationVersion.fromVersion(m.group(1));
    }

    @Test
    void everyMigrationSitsInItsContextsFolder() throws IOException {
        assertThat(migrations()).hasSizeGreaterThan(30).allSatisfy(p -> assertThat(ROOT.relativize(p).getNameCount())
                .as(p + " is in db/migration/<context>/").isEqualTo(2));
    }

    @Test
    void noTwoMigrationsShareAVersion() throws IOException {
        Map<MigrationVersion, List<Path>> byVersion = migrations().stream().collect(Collectors.groupingBy(MigrationsTest::version));
        assertThat(byVersion.values()).allSatisfy(same -> assertThat(same).hasSize(1));
    }

    @Test
    void laterMigrationsCallTheIsolationFunctionInsteadOfCopyingThePolicy() throws IOException {
        for (Path p : migrations()) {
            if (version(p).isNewerThan(ISOLATION_FUNCTION)) {
                assertThat(Files.readString(p).toUpperCase()).as(p.toString()).doesNotContain("ROW LEVEL SECURITY").doesNotContain("CREATE POLICY");
            }
        }
    }
}
