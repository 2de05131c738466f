package io.facecard.adapters.outbound.biometrics;

import io.facecard.application.biometrics.port.FaceAnalysis.Observation;
import io.facecard.domain.biometrics.Expression;
import io.facecard.domain.tenancy.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * How well the pack's age, gender and expression models read faces, on the one labelled set here: the London set of
 * faces-eval (102 people of known age and gender, each photographed neutral and smiling in one session). Prints age
 * error, gender accuracy, and the expression model's answers on the neutral and the smiling photo (only those two
 * classes are labelled), each with a 95 % Wilson interval, per engine, and the time one observation costs.
 *
 * <pre>../mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.adapters.outbound.biometrics.AttributesBenchmark -Dfaces.eval=../../shared/faces-eval</pre>
 */
public final class AttributesBenchmark {
    record Person(String id, int age, boolean male) {}

    public static void main(String[] args) throws Exception {
        Path london = Path.of(System.getProperty("faces.eval", "../shared/faces-eval"), "london_cc_by");
        List<Person> people = new ArrayList<>();
        for (String line : Files.readAllLines(london.resolve("london_info.csv")).stream().skip(1).toList()) {
            String[] f = line.split(",");
            if (f[1].equals("NA") || !Files.isDirectory(london.resolve(f[0]))) {
                continue; // an age not given, or a person not in the set
            }
            people.add(new Person(f[0], Integer.parseInt(f[1]), f[2].equals("male")));
        }
        ModelPack pack = ModelPack.load("classpath:default");
        TenantId tenant = new TenantId(UUID.randomUUID());
        for (FacePipeline.Engine engine : FacePipeline.Engine.values()) {
            try (FacePipeline p = new FacePipeline(pack, engine)) {
                double ageError = 0;
                int ages = 0;
                int bandRight = 0;
                int genderRight = 0;
                int neutralRight = 0;
                int happyRight = 0;
                int smileMoreHappy = 0;
                int photos = 0;
                long nanos = 0;
                int[][] confusion = new int[2][Expression.values().length];
                for (Person person : people) {
                    Observation[] pair = new Observation[2];
                    for (int i = 0; i < 2; i++) {
                        byte[] image = Files.readAllBytes(london.resolve(person.id()).resolve((i + 1) + ".jpg"));
                        long t0 = System.nanoTime();
                        List<Observation> seen = p.observe(tenant, image, 40);
                        if (!seen.isEmpty()) {
                            p.attributes(tenant, image, 40, 0);
                        }
                        nanos += System.nanoTime() - t0;
                        photos++;
                        if (seen.isEmpty()) {
                            continue;
                        }
                        Observation o = withAttributes(seen.get(0), p.attributes(tenant, image, 40, 0));
                        pair[i] = o;
                        ageError += Math.abs(o.attributes().age() - person.age());
                        ages++;
                        bandRight += band(o.attributes().age()) == band(person.age()) ? 1 : 0;
                        genderRight += (o.attributes().male() >= 0.5) == person.male() ? 1 : 0;
                        Expression e = Expression.likeliest(o.attributes().expression());
                        confusion[i][e.ordinal()]++;
                        if (i == 0 && e == Expression.NEUTRAL) {
                            neutralRight++;
                        }
                        if (i == 1 && e == Expression.HAPPY) {
                            happyRight++;
                        }
                    }
                    if (pair[0] != null && pair[1] != null && pair[1].attributes().mood() > pair[0].attributes().mood()) {
                        smileMoreHappy++;
                    }
                }
                System.out.printf(Locale.ROOT, "%s: %d photos, %.1f ms an observation (detect, embed both ways, age, gender, expression)%n",
                        engine, photos, nanos / 1e6 / photos);
                System.out.printf(Locale.ROOT, "  age: mean absolute error %.1f years; right 10-year band %s%n", ageError / ages,
                        share(bandRight, ages));
                System.out.printf(Locale.ROOT, "  gender: %s%n", share(genderRight, ages));
                System.out.printf(Locale.ROOT, "  expression, neutral photos read NEUTRAL: %s; smiling photos read HAPPY: %s%n",
                        share(neutralRight, people.size()), share(happyRight, people.size()));
                System.out.printf(Locale.ROOT, "  the smiling photo's mood above the neutral one's, same person: %s%n",
                        share(smileMoreHappy, people.size()));
                for (int i = 0; i < 2; i++) {
                    StringBuilder row = new StringBuilder(i == 0 ? "  neutral photos read as:" : "  smiling photos read as:");
                    for (Expression e : Expression.values()) {
                        row.append(' ').append(e).append(' ').append(confusion[i][e.ordinal()]);
                    }
                    System.out.println(row);
                }
            }
        }
    }

    private static Observation withAttributes(Observation o, io.facecard.application.biometrics.port.FaceAnalysis.Attributes a) {
        return new Observation(o.embedding(), o.quality(), o.faceWidth(), a);
    }

    private static int band(double age) {
        return (int) Math.min(6, Math.max(0, (age - 15) / 10));
    }

    /** k of n with its 95 % Wilson score interval. */
    static String share(int k, int n) {
        double z = 1.96;
        double p = (double) k / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return String.format(Locale.ROOT, "%d/%d = %.1f %% (95 %% CI %.1f–%.1f %%)", k, n, 100 * p, 100 * (centre - half), 100 * (centre + half));
    }
}
