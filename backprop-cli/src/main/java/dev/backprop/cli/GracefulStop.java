package dev.backprop.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a checkpointed run trains: the first asks the trainer to stop
 * after the current batch, so that a checkpoint of that batch is saved and the command exits with
 * 128 + the signal's number (130 for Ctrl-C); a second one ends the process at once.
 *
 * <p>Why {@code sun.misc.Signal} and not a shutdown hook: a hook runs while the JVM is already
 * shutting down, in parallel with the training thread, and the exit cannot be put off for longer
 * than the batch and the write take without racing other hooks. A signal handler only sets the
 * trainer's stop flag; the command then finishes, saves and returns its exit code along its normal
 * path. {@code sun.misc.Signal} (module {@code jdk.unsupported}) is reached by reflection, so the
 * code compiles without internal-API warnings and, where it is missing or the JVM keeps the signal
 * to itself ({@code -Xrs}), falls back to the JVM's own handling: the process ends at once and the
 * newest checkpoint on disk (the last epoch's) is where a resumed run continues. A process started
 * in the background by a non-interactive shell ignores SIGINT, as it should; this does not change that.
 */
final class GracefulStop implements AutoCloseable {
    private static final String[] SIGNALS = {"INT", "TERM"};

    private final Runnable requestStop;
    private final PrintWriter err;
    private final List<Object[]> previous = new ArrayList<>();
    private volatile int signal;

    private GracefulStop(Runnable requestStop, PrintWriter err) {
        this.requestStop = requestStop;
        this.err = err;
    }

    /** Installs the handlers; {@link #close()} puts the previous ones back. */
    static GracefulStop install(Runnable requestStop, PrintWriter err) {
        GracefulStop stop = new GracefulStop(requestStop, err);
        stop.installAll();
        return stop;
    }

    /** Whether a signal asked training to stop. */
    boolean requested() {
        return signal != 0;
    }

    /** 128 + the number of the signal that asked to stop (130 for SIGINT). */
    int exitCode() {
        return 128 + signal;
    }

    private void onSignal(int number, String name) {
        if (signal != 0) {
            err.println();
            err.println("SIG" + name + " again: quitting now; the newest checkpoint on disk is intact");
            err.flush();
            System.exit(128 + number);
        }
        signal = number;
        err.println();
        err.println("SIG" + name + ": stopping after this batch to save a checkpoint (again to quit at once)");
        err.flush();
        requestStop.run();
    }

    private void installAll() {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Constructor<?> create = signalClass.getConstructor(String.class);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Method number = signalClass.getMethod("getNumber");
            for (String name : SIGNALS) {
                Object sig = create.newInstance(name);
                int n = (int) number.invoke(sig);
                Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                        (proxy, method, args) -> switch (method.getName()) {
                            case "handle" -> {
                                onSignal(n, name);
                                yield null;
                            }
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "GracefulStop(SIG" + name + ")";
                        });
                previous.add(new Object[] {sig, handle.invoke(null, sig, handler), handle});
            }
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            // Without sun.misc.Signal the JVM's default handling stays: see the class comment.
        }
    }

    @Override
    public void close() {
        for (Object[] p : previous) {
            try {
                ((Method) p[2]).invoke(null, p[0], p[1]);
            } catch (ReflectiveOperationException e) {
                // The handler stays; it only sets a flag nothing reads any more.
            }
        }
        previous.clear();
    }
}
