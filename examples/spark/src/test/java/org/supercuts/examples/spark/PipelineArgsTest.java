package org.supercuts.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.supercuts.examples.cli.PipelineOptions;
import picocli.CommandLine;

class PipelineArgsTest {
    private static PipelineArgs matched(String... args) {
        CommandLine cli = new CommandLine(new SparkSegmentCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        return PipelineArgs.matchedIn(cli.parseArgs(args));
    }

    @Test
    void keepsOnlyTheSegmentOptionsInACanonicalOrder() {
        PipelineArgs a = matched("--images", "in", "--out", "t", "--superpixels", "300", "--refine", "--png", "p",
                "--selection=border", "--threads", "7");
        assertThat(a.words()).containsExactly("--refine", "--selection=border", "--superpixels=300");
        PipelineArgs b = matched("--selection", "border", "--superpixels=300", "--out", "t", "--refine", "--images", "in");
        assertThat(b).isEqualTo(a);
        assertThat(b.canonical()).isEqualTo("--refine --selection=border --superpixels=300");
        assertThat(matched("--images", "in", "--out", "t").canonical()).isEmpty();
        assertThat(matched("--images", "in", "--out", "t", "--max-parts", "2", "--objects").words())
                .containsExactly("--max-parts=2", "--objects");
    }

    @Test
    void parsesBackIntoTheSameOptions() {
        PipelineArgs a = matched("--images", "in", "--out", "t", "--superpixels", "300", "--compactness", "12.5", "--levels", "2");
        PipelineOptions parsed = a.parse().pipeline();
        PipelineArgs again = PipelineArgs.matchedIn(new CommandLine(new PipelineArgs.Holder())
                .parseArgs(a.words().toArray(String[]::new)));
        assertThat(again).isEqualTo(a);
        assertThat(parsed.threads()).isPositive();
        PipelineArgs.Parsed objects = PipelineArgs.of("--min-objectness=0.4").parse();
        assertThat(objects.objects().enabled()).isTrue();
        assertThat(objects.objects().discovery().describe()).contains("minScore=0.4");
        assertThatThrownBy(() -> PipelineArgs.of("--superpixels=many").parse()).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("many");
    }

    @Test
    void fileOptionsThatDoNotExistGoThroughTheLocalFileLookup() {
        PipelineArgs a = PipelineArgs.of("--ssn-model=/nowhere/ssn.onnx", "--superpixels-method=ssn");
        Path[] seen = new Path[1];
        a.parse(p -> {
            seen[0] = p;
            return p;
        });
        assertThat(seen[0]).isEqualTo(Path.of("/nowhere/ssn.onnx"));
    }
}
