/**
 * Readers for the standard dataset layouts (ECSSD, DUTS, DUT-OMRON, CUB, PASCAL VOC, BSDS500, a plain folder):
 * samples with their ground truth, and problems reported per file. It may use {@code org.supercuts.image}, {@code
 * org.supercuts.eval.metrics}.
 */
package org.supercuts.eval.dataset;
