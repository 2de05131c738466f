package io.facecard.adapters.inbound.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The platform's command line: today the bulk member import, through the same HTTP API a browser or a script uses. */
@Command(name = "facecard", mixinStandardHelpOptions = true, version = "facecard-cli 0.1.0",
        subcommands = {ImportCommand.class},
        description = "Facecard from the command line.")
public final class FacecardCli implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** For tests: the exit code instead of an exit. */
    public static int run(String... args) {
        return new CommandLine(new FacecardCli()).execute(args);
    }
}
