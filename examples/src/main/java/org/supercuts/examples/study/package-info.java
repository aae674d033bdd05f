/**
 * Studies behind the documented defaults: ablations and sweeps on the tuning split, threshold rules, overlay sheets,
 * the SSN BSDS500 evaluation. It may use every library package, and {@code org.supercuts.examples.cli}.
 */
package org.supercuts.examples.study;
