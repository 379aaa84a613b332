package dev.backprop.cli;

import dev.backprop.checkpoint.Checkpoints;
import dev.backprop.train.Examples;
import dev.backprop.train.History;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingListener;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * How {@code backprop train} fits its trainer: plainly, or with checkpoints (resuming from the
 * newest one, and stopping gracefully on Ctrl-C or SIGTERM, see {@link GracefulStop}).
 */
final class RunControl {
    private final Checkpoints checkpoints;
    private final PrintWriter err;
    private int stopSignalExit;

    private RunControl(Checkpoints checkpoints, PrintWriter err) {
        this.checkpoints = checkpoints;
        this.err = err;
    }

    /** Fits without checkpoints; Ctrl-C ends the process as usual. */
    static RunControl plain() {
        return new RunControl(null, null);
    }

    /** Fits with {@code checkpoints}, reporting a resume and the stop to {@code err}. */
    static RunControl checkpointed(Checkpoints checkpoints, PrintWriter err) {
        return new RunControl(checkpoints, err);
    }

    /** Trains as {@link Trainer#fit(Examples, Examples)} does, with this control. */
    History fit(Trainer trainer, Examples train, Examples validation) throws IOException {
        if (checkpoints == null) {
            return trainer.fit(train, validation);
        }
        TrainingListener resumeNote = new TrainingListener() {
            @Override
            public void onTrainBegin(int epoch, int epochs) {
                int batch = trainer.state().batch();
                if (epoch > 0 || batch > 0) {
                    err.println("resuming from the checkpoint in " + checkpoints.folder() + ": epoch " + (epoch + 1)
                            + " of " + epochs + (batch > 0 ? ", after batch " + batch : ""));
                    err.flush();
                }
            }
        };
        trainer.addListener(resumeNote);
        try (GracefulStop stop = GracefulStop.install(trainer::requestStop, err)) {
            History history = checkpoints.fit(trainer, train, validation);
            // A stop request always leaves the run inside an epoch; one that came after the last batch changed nothing.
            stopSignalExit = stop.requested() && trainer.state().batch() > 0 ? stop.exitCode() : 0;
            return history;
        } finally {
            trainer.removeListener(resumeNote);
        }
    }

    /** Whether a signal stopped training before its end (a checkpoint of that batch was saved). */
    boolean interrupted() {
        return stopSignalExit != 0;
    }

    /** The exit code for the signal that stopped training: 130 for Ctrl-C, 143 for SIGTERM. */
    int exitCode() {
        return stopSignalExit;
    }
}
