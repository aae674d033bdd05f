/**
 * Benchmarks: JMH benchmarks of the stages and {@code bench compare}, which times SuperCuts side by side with
 * scikit-image, OpenCV and SciPy on the same inputs. It may use every library package.
 */
package org.supercuts.examples.bench;
