package dev.backprop.cli;

import dev.backprop.io.AtomicFiles;
import dev.backprop.io.Json;
import dev.backprop.io.JsonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code run.json} in a checkpoint folder: the options a run was started with and the folder it was
 * started in, so that {@code backprop train --resume DIR} continues it without the user repeating
 * them. Written atomically when the run starts.
 *
 * @param arguments the {@code train} options, as given, without {@code --resume}
 * @param workingDirectory the absolute folder the run was started in (relative file names refer to it)
 */
record RunFile(List<String> arguments, String workingDirectory) {
    static final String NAME = "run.json";
    /** What may be given again with {@code --resume}: a longer run, and where the results go. */
    static final Set<String> RESUMABLE = Set.of("--resume", "--epochs", "--out", "--report", "--json", "--quiet",
            "--checkpoint-every", "--keep");

    /** The options of a parsed {@code train} command line, each by its longest name, without {@code --resume}. */
    static List<String> arguments(ParseResult parsed) {
        List<String> args = new ArrayList<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            String name = option.longestName();
            if (name.equals("--resume")) {
                continue;
            }
            if (option.arity().max() == 0) {
                args.add(name);
                continue;
            }
            for (String value : option.originalStringValues()) {
                args.add(name);
                args.add(value);
            }
        }
        return args;
    }

    static RunFile current(List<String> arguments) {
        return new RunFile(List.copyOf(arguments), Path.of("").toAbsolutePath().toString());
    }

    void write(Path folder) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "train");
        m.put("arguments", arguments);
        m.put("working_directory", workingDirectory);
        AtomicFiles.writeString(folder.resolve(NAME), Json.writePretty(m) + "\n");
    }

    /**
     * Reads a folder's run file.
     *
     * @throws IOException naming the file if it is missing or not a run file
     */
    static RunFile read(Path folder) throws IOException {
        Path file = folder.resolve(NAME);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IOException(folder + ": holds no " + NAME + "; is it the --checkpoint-dir of a run?", e);
        }
        try {
            Map<String, Object> m = Json.parseObject(text);
            if (!"train".equals(m.get("command")) || !(m.get("arguments") instanceof List<?> list)
                    || !list.stream().allMatch(String.class::isInstance)
                    || !(m.get("working_directory") instanceof String dir)) {
                throw new IOException(file + ": expected {\"command\": \"train\", \"arguments\": [strings],"
                        + " \"working_directory\": string}");
            }
            return new RunFile(list.stream().map(String.class::cast).toList(), dir);
        } catch (JsonException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
