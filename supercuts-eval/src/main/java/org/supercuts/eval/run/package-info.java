/**
 * The evaluation runner: segments or loads each sample (optionally refining another tool's predictions), scores it,
 * streams per-image rows, resumes an interrupted run and writes the reports. It may use {@code org.supercuts}, {@code
 * org.supercuts.image}, {@code org.supercuts.refine}, {@code org.supercuts.objects}, {@code org.supercuts.eval.dataset}, {@code
 * org.supercuts.eval.metrics}.
 */
package org.supercuts.eval.run;
