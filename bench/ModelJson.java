import io.uapiguard.cli.UapiguardCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * `uapiguard model FILE --format json` of every *.h file of a folder, in one JVM (408 launcher starts would take
 * minutes): OUT/NAME.json holds what the command wrote, OUT/NAME.exit its exit code and standard error. Arguments
 * after the two folders are passed on to each `model` (e.g. --no-system-includes).
 * Run by bench/behaviour.sh with a build's jar and libraries on the class path.
 */
public class ModelJson {

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        List<Path> headers;
        try (Stream<Path> files = Files.list(in)) {
            headers = files.filter(p -> p.getFileName().toString().endsWith(".h")).sorted().toList();
        }
        for (Path header : headers) {
            String name = header.getFileName().toString().replaceFirst("\\.h$", "");
            StringWriter json = new StringWriter();
            StringWriter err = new StringWriter();
            List<String> command = new java.util.ArrayList<>(List.of("model", header.toString(), "--format", "json"));
            command.addAll(List.of(args).subList(2, args.length));
            int exit = UapiguardCommand.run(new PrintWriter(json), new PrintWriter(err), command.toArray(String[]::new));
            Files.writeString(out.resolve(name + ".json"), json.toString());
            Files.writeString(out.resolve(name + ".exit"), exit + "\n" + err);
        }
        System.out.println("model: " + headers.size() + " headers into " + out);
    }
}
