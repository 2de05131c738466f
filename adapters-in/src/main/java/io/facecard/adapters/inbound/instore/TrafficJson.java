package io.facecard.adapters.inbound.instore;

import io.facecard.application.instore.port.Footfall;
import io.facecard.application.instore.port.Visits.Visit;
import io.facecard.domain.instore.AgeBand;
import io.facecard.domain.instore.MoodShift;
import io.facecard.domain.refusal.Refusal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The traffic report: hours summed into buckets (hours, days, ISO weeks starting Monday) that begin at the store's local
 * midnight (its zone, else the tenant's), with members' visits beside them.
 */
public final class TrafficJson {
    private TrafficJson() {}

    public enum Granularity {
        HOUR, DAY, WEEK;

        static Granularity parse(String raw) {
            if (raw == null) {
                return DAY;
            }
            try {
                return valueOf(raw.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("'by' must be hour, day or week");
            }
        }

        /** The start of the bucket holding {@code t}, in the store's zone (a day of 23 or 25 hours across a DST change). */
        Instant start(Instant t, ZoneId zone) {
            ZonedDateTime local = t.atZone(zone);
            return switch (this) {
                case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
                case DAY -> local.toLocalDate().atStartOfDay(zone).toInstant();
                case WEEK -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
            };
        }
    }

    /** A share with its count behind it: {@code rate} is null without any. */
    public record Share(long of, long converted, Double rate) {
        static Share of(long of, long converted) {
            return new Share(of, converted, of == 0 ? null : (double) converted / of);
        }
    }

    /** Mean mood shift from entrance to exit (-2 to 2) with its 95 % interval; nulls where there are too few visits. */
    public record ServiceQuality(long visits, Double index, Double low, Double high) {
        static ServiceQuality of(MoodShift s) {
            double m = s.margin();
            return new ServiceQuality(s.n(), s.n() == 0 ? null : s.index(), Double.isNaN(m) ? null : s.index() - m,
                    Double.isNaN(m) ? null : s.index() + m);
        }
    }

    /**
     * @param uniqueMembers distinct members among the bucket's visits; {@code visitsPerMember} their visits each
     * @param medianReturnDays the median time since the same member's previous visit to this store, over the visits that
     *     had one within the report's period
     */
    public record Bucket(Instant start, long footfall, long members, long newMembers, long returningMembers, long visits,
            long uniqueMembers, Double visitsPerMember, Double medianReturnDays, Share conversionNew, Share conversionReturning,
            Long medianDwellSeconds, Map<String, Long> ageBands, long male, long female, Double meanMood, ServiceQuality serviceQuality) {}

    public record Report(UUID storeId, Instant from, Instant to, Granularity by, String zone, List<Bucket> buckets,
            ServiceQuality serviceQuality) {
        static Report of(UUID store, Instant from, Instant to, Granularity by, ZoneId zone, List<Footfall.Hour> hours, List<Visit> visits) {
            Map<Instant, List<Footfall.Hour>> hourly = new TreeMap<>();
            for (Footfall.Hour h : hours) {
                hourly.computeIfAbsent(by.start(h.hour(), zone), k -> new ArrayList<>()).add(h);
            }
            Map<Instant, List<Visit>> visited = new TreeMap<>();
            Map<java.util.UUID, Double> returnDays = new java.util.HashMap<>();
            Map<Object, Instant> previous = new java.util.HashMap<>();
            for (Visit v : visits.stream().sorted(java.util.Comparator.comparing(Visit::openedAt)).toList()) {
                visited.computeIfAbsent(by.start(v.openedAt(), zone), k -> new ArrayList<>()).add(v);
                Instant before = previous.put(v.member(), v.openedAt());
                if (before != null) {
                    returnDays.put(v.id(), Duration.between(before, v.openedAt()).toSeconds() / 86_400.0);
                }
            }
            java.util.TreeSet<Instant> starts = new java.util.TreeSet<>(hourly.keySet());
            starts.addAll(visited.keySet());
            List<Bucket> buckets = new ArrayList<>();
            MoodShift total = MoodShift.NONE;
            for (Instant start : starts) {
                Bucket b = bucket(start, hourly.getOrDefault(start, List.of()), visited.getOrDefault(start, List.of()), returnDays);
                buckets.add(b);
            }
            for (Footfall.Hour h : hours) {
                total = total.plus(h.shift());
            }
            return new Report(store, from, to, by, zone.getId(), buckets, ServiceQuality.of(total));
        }

        private static Bucket bucket(Instant start, List<Footfall.Hour> hours, List<Visit> visits, Map<java.util.UUID, Double> returnDays) {
            long footfall = 0;
            long members = 0;
            long newMembers = 0;
            long male = 0;
            long female = 0;
            long moodN = 0;
            double moodSum = 0;
            long[] ages = new long[AgeBand.values().length];
            MoodShift shift = MoodShift.NONE;
            for (Footfall.Hour h : hours) {
                footfall += h.footfall();
                members += h.members();
                newMembers += h.newMembers();
                male += h.male();
                female += h.female();
                moodN += h.moodN();
                moodSum += h.moodSum();
                for (int i = 0; i < ages.length; i++) {
                    ages[i] += h.ageBands()[i];
                }
                shift = shift.plus(h.shift());
            }
            Map<String, Long> bands = new LinkedHashMap<>();
            for (AgeBand band : AgeBand.values()) {
                bands.put(band.name(), ages[band.ordinal()]);
            }
            long firstVisits = visits.stream().filter(Visit::firstVisit).count();
            long firstConverted = visits.stream().filter(v -> v.firstVisit() && v.convertedAt() != null).count();
            long repeatConverted = visits.stream().filter(v -> !v.firstVisit() && v.convertedAt() != null).count();
            List<Long> dwell = visits.stream().filter(v -> v.closedAt() != null)
                    .map(v -> Duration.between(v.openedAt(), v.closedAt()).toSeconds()).sorted().toList();
            long unique = visits.stream().map(Visit::member).distinct().count();
            List<Double> returns = visits.stream().map(v -> returnDays.get(v.id())).filter(java.util.Objects::nonNull).sorted().toList();
            return new Bucket(start, footfall, members, newMembers, members - newMembers, visits.size(), unique,
                    unique == 0 ? null : (double) visits.size() / unique, returns.isEmpty() ? null : returns.get(returns.size() / 2),
                    Share.of(firstVisits, firstConverted), Share.of(visits.size() - firstVisits, repeatConverted),
                    dwell.isEmpty() ? null : dwell.get(dwell.size() / 2), bands, male, female, moodN == 0 ? null : moodSum / moodN,
                    ServiceQuality.of(shift));
        }
    }
}
