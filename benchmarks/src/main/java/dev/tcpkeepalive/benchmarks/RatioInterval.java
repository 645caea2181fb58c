package dev.tcpkeepalive.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A with ÷ without ratio estimated from paired runs, and its 95 % confidence interval:
 * the geometric mean of the pairs' ratios with a Student t-interval over their logarithms
 * ({@link #of}), or the ratio of the two sides' medians with a bootstrap interval
 * ({@link #ofMedians}).
 * <p>
 * Logarithms make a ratio and its inverse symmetric, and each round's pair ran minutes
 * apart at most, so drift on the machine cancels within a pair; the interval says how far
 * the true ratio could be from the measured one.
 *
 * @param estimate the geometric mean of the pairs' ratios, or the ratio of medians
 * @param low the lower end of the 95 % interval
 * @param high the upper end of the 95 % interval
 */
record RatioInterval(double estimate, double low, double high) {

	private static final int RESAMPLES = 10_000;

	// Two-sided 95 % quantiles of Student's t for 1 to 30 degrees of freedom
	private static final double[] T_975 = { 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
			2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
			2.056, 2.052, 2.048, 2.045, 2.042 };

	static RatioInterval of(List<Double> ratios) {
		int n = ratios.size();
		double[] logs = ratios.stream().mapToDouble(Math::log).toArray();
		double mean = 0;
		for (double log : logs) {
			mean += log / n;
		}
		if (n < 2) {
			return new RatioInterval(Math.exp(mean), Double.NaN, Double.NaN);
		}
		double squares = 0;
		for (double log : logs) {
			squares += (log - mean) * (log - mean);
		}
		double halfWidth = t(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
		return new RatioInterval(Math.exp(mean), Math.exp(mean - halfWidth), Math.exp(mean + halfWidth));
	}

	/**
	 * Return the ratio of the medians of two paired samples and its 95 % percentile
	 * bootstrap interval: the pairs are resampled with replacement, with a fixed seed so
	 * that the same runs always give the same interval.
	 * @param with the first value of each pair
	 * @param without the second value of each pair
	 * @return the ratio of medians and its interval
	 */
	static RatioInterval ofMedians(List<Double> with, List<Double> without) {
		int n = with.size();
		double ratio = Summary.of(with).median() / Summary.of(without).median();
		if (n < 2) {
			return new RatioInterval(ratio, Double.NaN, Double.NaN);
		}
		Random random = new Random(15);
		double[] ratios = new double[RESAMPLES];
		List<Double> resampledWith = new ArrayList<>(n);
		List<Double> resampledWithout = new ArrayList<>(n);
		for (int i = 0; i < RESAMPLES; i++) {
			resampledWith.clear();
			resampledWithout.clear();
			for (int j = 0; j < n; j++) {
				int pair = random.nextInt(n);
				resampledWith.add(with.get(pair));
				resampledWithout.add(without.get(pair));
			}
			ratios[i] = Summary.of(resampledWith).median() / Summary.of(resampledWithout).median();
		}
		Arrays.sort(ratios);
		return new RatioInterval(ratio, ratios[(int) (RESAMPLES * 0.025)], ratios[(int) (RESAMPLES * 0.975) - 1]);
	}

	private static double t(int degreesOfFreedom) {
		return (degreesOfFreedom <= T_975.length) ? T_975[degreesOfFreedom - 1] : 1.960;
	}

	/**
	 * Return whether the interval lies at or above a goal, below it, or straddles it.
	 * @param goal the smallest acceptable ratio
	 * @return {@code met}, {@code NOT met} or {@code not resolved}
	 */
	String against(double goal) {
		if (this.low >= goal) {
			return "met";
		}
		return (this.high < goal) ? "NOT met" : "not resolved";
	}

	/**
	 * Return whether the interval lies at or below a goal that is an upper bound, above
	 * it, or straddles it.
	 * @param goal the largest acceptable ratio
	 * @return {@code met}, {@code NOT met} or {@code not resolved}
	 */
	String atMost(double goal) {
		if (this.high <= goal) {
			return "met";
		}
		return (this.low > goal) ? "NOT met" : "not resolved";
	}

}
