package dev.tcpkeepalive.benchmarks;

import java.util.List;

/**
 * Median, minimum and maximum of a set of measurements.
 *
 * @param median the median (the mean of the middle two for an even count)
 * @param min the smallest value
 * @param max the largest value
 */
record Summary(double median, double min, double max) {

	static Summary of(List<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No values to summarise");
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		double median = (sorted.size() % 2 == 1) ? sorted.get(middle)
				: (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		return new Summary(median, sorted.get(0), sorted.get(sorted.size() - 1));
	}

}
