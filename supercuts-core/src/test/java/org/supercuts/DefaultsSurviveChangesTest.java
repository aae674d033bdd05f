package org.supercuts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.supercuts.affinity.GaussianAffinity;
import org.supercuts.image.PlanarImage;
import org.supercuts.linalg.EigenSolver;
import org.supercuts.spectral.NCut;
import org.supercuts.superpixel.Slic;

/**
 * Each stage's factory returns the tuned default and each wither changes only what it names (issue 17): a spec's
 * {@code describe()} is parsed into its settings and compared before and after every wither.
 */
class DefaultsSurviveChangesTest {
    /** {@code name(a=1,b=x(c=2),d=3)} -> {a=1, b=x(c=2), d=3} (top-level settings only). */
    static Map<String, String> settings(String describe) {
        String body = describe.substring(describe.indexOf('(') + 1, describe.lastIndexOf(')'));
        Map<String, String> out = new LinkedHashMap<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : ',';
            depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String kv = body.substring(start, i);
                out.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                start = i + 1;
            }
        }
        return out;
    }

    /** Asserts that {@code wither} changed exactly the setting {@code key} of {@code base}'s description. */
    static <T> void changesOnly(T base, UnaryOperator<T> wither, String key, java.util.function.Function<T, String> describe) {
        Map<String, String> before = settings(describe.apply(base));
        Map<String, String> after = settings(describe.apply(wither.apply(base)));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String k : before.keySet()) {
            if (k.equals(key)) {
                assertThat(after.get(k)).as("%s was meant to change", k).isNotEqualTo(before.get(k));
            } else {
                assertThat(after.get(k)).as("%s changed although the wither names %s", k, key).isEqualTo(before.get(k));
            }
        }
    }

    @Test
    void slicKeepsTheTunedCompactnessWhateverElseChanges() {
        assertThat(Slic.segments(200).compactness()).isEqualTo(Presets.COMPACTNESS).isEqualTo(20);
        Slic base = Slic.segments(200);
        changesOnly(base, s -> s.compactness(10), "m", Slic::describe);
        changesOnly(base, s -> s.iterations(5), "iter", Slic::describe);
        changesOnly(base, s -> s.minSizeFactor(0.5), "minSize", Slic::describe);
        changesOnly(base, s -> s.maxSizeFactor(5), "maxSize", Slic::describe);
        changesOnly(base, s -> s.sigma(1), "sigma", Slic::describe);
        assertThat(base.threads(4).describe()).isEqualTo(base.describe());
    }

    @Test
    void recursiveCutKeepsTheShiftInvertSolverWhateverElseChanges() {
        assertThat(NCut.recursive().maxSegments(16).solver().kind()).isEqualTo(EigenSolver.Kind.SHIFT_INVERT);
        NCut.Recursive base = NCut.recursive();
        changesOnly(base, r -> r.maxSegments(8), "maxSegments", NCut.Recursive::describe);
        changesOnly(base, r -> r.maxNcut(0.5), "maxNcut", NCut.Recursive::describe);
        changesOnly(base, r -> r.minRegionNodes(3), "minRegionNodes", NCut.Recursive::describe);
        changesOnly(base, r -> r.splitRule(NCut.SplitRule.ZERO), "split", NCut.Recursive::describe);
        changesOnly(base, r -> r.solver(EigenSolver.auto()), "solver", NCut.Recursive::describe);
        assertThat(base.eigenpairs(4).solver()).isEqualTo(base.solver());
    }

    @Test
    void gaussianAffinityWithersKeepTheOtherSettings() {
        GaussianAffinity base = GaussianAffinity.defaults();
        changesOnly(base, a -> a.sigmaFeature(0.2), "sigmaF", GaussianAffinity::describe);
        changesOnly(base, a -> a.sigmaPosition(0.5), "sigmaP", GaussianAffinity::describe);
    }

    @Test
    void theDefaultPipelineIsBuiltFromTheFactoryDefaults() {
        Pipeline p = SuperCuts.pipeline().build();
        assertThat(p.superpixelizer()).isEqualTo(Slic.segments(Presets.SUPERPIXELS));
        assertThat(p.partitioner().describe()).isEqualTo(NCut.recursive().describe());
        assertThat(p.affinityBuilder().describe()).isEqualTo(GaussianAffinity.defaults().describe());
        // The README's snippet restates the defaults: it must build the very same pipeline.
        Pipeline readme = SuperCuts.pipeline().superpixels(Slic.segments(400).compactness(20))
                .partition(NCut.recursive().maxSegments(16)).build();
        assertThat(readme.provenance()).isEqualTo(p.provenance());
    }

    @Test
    void moreSegmentsOrLevelsThanExistGiveTheFinestAndSaySo() {
        byte[] truth = new byte[160 * 120];
        PlanarImage image = PipelineEndToEndTest.syntheticObject(truth);
        Segmentation s = SuperCuts.pipeline().levels(40).build().segment(image);
        int finest = s.finestSegmentCount();
        assertThat(finest).isBetween(2, 16);
        Segmentation.Segments many = s.withSegments(40);
        assertThat(many.count()).isEqualTo(finest);
        assertThat(many.clamped()).isTrue();
        assertThat(many.note()).contains("40").contains(Integer.toString(finest));
        Segmentation.Segments two = s.withSegments(2);
        assertThat(two.clamped()).isFalse();
        assertThat(two.note()).isEmpty();
        assertThat(two.count()).isGreaterThanOrEqualTo(2);
        assertThat(s.levels()).hasSizeLessThan(40);
        assertThat(s.notes()).singleElement().asString().contains("asked for 40 levels")
                .contains(s.levels().size() + " distinct");
        assertThat(SuperCuts.pipeline().levels(2).build().segment(image).notes()).isEmpty();
    }

    @Test
    void droppingTheIntermediatesKeepsTheMasksAndSaysWhatIsGone() {
        byte[] truth = new byte[160 * 120];
        PlanarImage image = PipelineEndToEndTest.syntheticObject(truth);
        Pipeline full = SuperCuts.pipeline().build();
        Pipeline lean = full.toBuilder().keepIntermediates(false).build();
        assertThat(lean.keepsIntermediates()).isFalse();
        assertThat(lean.toBuilder().build().keepsIntermediates()).isFalse();
        Segmentation a = full.segment(image);
        Segmentation b = lean.segment(image);
        assertThat(b.mask()).isEqualTo(a.mask());
        assertThat(b.softMask()).isEqualTo(a.softMask());
        assertThat(b.levels()).isEqualTo(a.levels());
        assertThat(b.withSegments(3).labels()).isEqualTo(a.withSegments(3).labels());
        assertThat(a.hasIntermediates()).isTrue();
        assertThat(b.hasIntermediates()).isFalse();
        assertThatThrownBy(b::affinity).isInstanceOf(IllegalStateException.class).hasMessageContaining("keepIntermediates(false)")
                .hasMessageContaining("affinity");
        assertThatThrownBy(b::partition).isInstanceOf(IllegalStateException.class).hasMessageContaining("eigenvectors");
        assertThatThrownBy(b::features).isInstanceOf(IllegalStateException.class).hasMessageContaining("features");
    }
}
