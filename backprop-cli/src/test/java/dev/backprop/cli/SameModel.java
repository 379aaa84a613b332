package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.model.SavedModel;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.EpochRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Two model files of the same training run: the same bits in every tensor, the same history. */
final class SameModel {
    private SameModel() {
    }

    static void assertBitIdentical(Path actual, Path expected) throws IOException {
        SavedModel a = SavedModel.load(actual);
        SavedModel e = SavedModel.load(expected);
        Map<String, Tensor> aw = a.network().state();
        Map<String, Tensor> ew = e.network().state();
        assertThat(aw.keySet()).isEqualTo(ew.keySet());
        ew.forEach((name, t) -> assertThat(bits(aw.get(name).toFloatArray())).as("%s of %s", name, actual)
                .isEqualTo(bits(t.toFloatArray())));
        List<EpochRecord> ah = a.provenance().history().epochs();
        List<EpochRecord> eh = e.provenance().history().epochs();
        assertThat(ah).hasSameSizeAs(eh);
        for (int i = 0; i < eh.size(); i++) {
            assertThat(ah.get(i).metrics()).as("epoch %d of %s", i + 1, actual).isEqualTo(eh.get(i).metrics());
        }
        assertThat(a.provenance().finalMetrics()).isEqualTo(e.provenance().finalMetrics());
    }

    static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
