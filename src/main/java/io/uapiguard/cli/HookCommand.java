package io.uapiguard.cli;

import picocli.CommandLine.Command;

/** {@code uapiguard hook}: installs and runs the git pre-push hook. */
@Command(name = "hook",
        description = "The git pre-push hook that blocks pushes breaking the BPF UAPI.",
        subcommands = {HookInstallCommand.class, PrePushCommand.class})
final class HookCommand {
}
