package dev.tcpkeepalive.benchmarks;

import java.util.List;

/**
 * The geometric mean of paired with ÷ without ratios and its 95 % confidence interval, a
 * Student t-interval over the ratios' logarithms.
 * <p>
 * Logarithms make a ratio and its inverse symmetric, and each round's pair ran minutes
 * apart at most, so drift on the machine cancels within a pair; the interval says how far
 * the true ratio could be from the measured one.
 *
 * @param mean the geometric mean of the ratios
 * @param low the lower end of the 95 % interval
 * @param high the upper end of the 95 % interval
 */
record RatioInterval(double mean, double low, double high) {

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
