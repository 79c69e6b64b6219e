package pl.krakow.agora.budget;

import java.util.List;

/**
 * One ballot as published: no voter, no time; the start of its receipt's hash, by which a voter
 * finds it; the projects and points; ONLINE or PAPER.
 */
public record PublishedBallot(String fingerprint, List<Long> projects, List<Integer> points, String channel) {
}
